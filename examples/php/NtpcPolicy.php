<?php
/**
 * NtpcPolicy — a small PHP client for the ntpc-policy command line.
 *
 * The school admin system (校務行政系統) is written in PHP; it uses the rules by
 * running the `ntpc-policy` command (installed with `pip install ntpc-policy`),
 * passing input on stdin and decoding the JSON it prints. No Composer needed:
 *
 *     require 'NtpcPolicy.php';
 *     $p = new NtpcPolicy();
 *     $r = $p->checkPassword('Aa123456', 'wang.xiaoming');
 *     echo $r['verdict'];           // "warn" — a well-known weak password
 *
 * Every value travels as data, never as an option the command could mistake it
 * for: values go on stdin as one JSON array (`--input json`), options as
 * `--name=value`, file paths after `--`. So a value may be blank, start with `#`
 * or `-`, or contain a line break: the array methods return exactly one record
 * per input, in order (a value that cannot be judged is a record with an
 * `error` member, at its position). The file methods return the core's file
 * result: `rows` (each with its `line`), `errors` (bad rows at their lines),
 * `findings`, `summary` and, for some, `total`. A failure of the command itself
 * (not found, usage error, unreadable file) raises NtpcPolicyException.
 */

final class NtpcPolicyException extends RuntimeException
{
    /** @var string stable error code, e.g. "calendar.invalid_date" */
    public $policyCode;

    public function __construct(string $message, string $policyCode = 'cli.failed', int $exitCode = 0)
    {
        parent::__construct($message, $exitCode);
        $this->policyCode = $policyCode;
    }
}

final class NtpcPolicy
{
    /** @var string[] the command to run, as argv */
    private $command;

    /**
     * @param string|null $binary path of the `ntpc-policy` command; default: the
     *                            NTPC_POLICY_BIN environment variable, else `ntpc-policy` on PATH.
     */
    public function __construct(?string $binary = null)
    {
        $bin = $binary ?? (getenv('NTPC_POLICY_BIN') ?: 'ntpc-policy');
        $this->command = [$bin];
    }

    /** Classifies ID numbers (results are masked); one record per value, in order. */
    public function checkIds(array $values): array
    {
        return $this->each(['id', 'check'], $values);
    }

    /** Flags custom account names shaped like ID numbers; one record per name, in order. */
    public function checkAccounts(array $names): array
    {
        return $this->each(['account', 'check'], $names);
    }

    /** Converts dates (ROC or Gregorian) with the school year and semester; one record per text. */
    public function dates(array $texts): array
    {
        return $this->each(['date'], $texts);
    }

    /**
     * Checks one password. The password, the account and the display name all
     * travel on stdin, never in argv (where `ps` and logs would show them).
     */
    public function checkPassword(string $password, ?string $account = null, ?string $displayName = null): array
    {
        $item = ['password' => $password, 'account' => $account, 'display_name' => $displayName];
        $record = $this->checkPasswords([$item])[0];
        if (isset($record['error'])) {
            throw new NtpcPolicyException($record['error']['message_en'], $record['error']['code'], 2);
        }
        return $record['result'];
    }

    /**
     * Checks many passwords, each a string or
     * `['password' => …, 'account' => …, 'display_name' => …]`; one record per item.
     */
    public function checkPasswords(array $items): array
    {
        $items = array_map(function ($item) {
            return is_array($item) ? array_filter($item, fn($v) => $v !== null) : $item;
        }, array_values($items));
        return $this->each(['password', 'check'], $items);
    }

    /** Finds ID numbers in a text. */
    public function scanIds(string $text): array
    {
        return $this->document(['id', 'scan', '-'], $text)['records'];
    }

    /** The text with every ID number masked (same encoding, line ends and BOM). */
    public function redactIds(string $text): string
    {
        [$code, $out, $err] = $this->run(['id', 'scan', '--redact', '-'], $text);
        if ($code !== 0) {
            throw new NtpcPolicyException(trim($err), 'cli.failed', $code);
        }
        return $out;
    }

    /**
     * The mailbox sweep of a CSV export (帳號,啟用日期,最後登入,人員狀態 …) on a day:
     * the file result, with `rows` (each mailbox's state at its line), `errors`,
     * `summary` and `total` (`notices` to mail today, `deletable`, `counts`).
     */
    public function mailboxSweep(string $csvPath, string $today): array
    {
        return $this->file(['mailbox', 'sweep', "--today=$today"], $csvPath);
    }

    /** Education-account access of everyone in a CSV export (姓名,狀態,班級,異動日期,自訂帳號): the file result. */
    public function accountAccess(string $csvPath, string $today): array
    {
        return $this->file(['account', 'access', "--today=$today"], $csvPath);
    }

    /** Each incident of the department's table with its deadlines and status at `$now`: the file result. */
    public function incidentCheck(string $csvPath, string $now): array
    {
        return $this->file(['incident', 'check', "--now=$now"], $csvPath);
    }

    /** Runs a file check: options first, then `--` and the path (a path may start with `-`). */
    private function file(array $args, string $path): array
    {
        $args[] = '--json';
        $args[] = '--';
        $args[] = $path === '-' ? './-' : $path;
        return $this->decode($this->run($args, ''));
    }

    /** Runs a command over values sent as one JSON array; one record per value, in order. */
    private function each(array $args, array $values): array
    {
        $args[] = '--input=json';
        $args[] = '--json';
        // A value that is not UTF-8 text is sent as a lone surrogate, which the
        // command reports as `input.invalid_text` at its position (never altered
        // into another value, never dropped).
        $parts = [];
        foreach ($values as $v) {
            $json = json_encode($v, JSON_UNESCAPED_UNICODE);
            $parts[] = $json === false ? '"\\ud800"' : $json;
        }
        $stdin = '[' . implode(',', $parts) . ']';
        $records = $this->decode($this->run($args, $stdin))['records'];
        if (count($records) !== count($values)) {
            throw new NtpcPolicyException('ntpc-policy returned ' . count($records) . ' records for ' . count($values) . ' values', 'cli.failed');
        }
        return $records;
    }

    /** Runs a subcommand with --json and returns the whole JSON document. */
    public function document(array $args, string $stdin): array
    {
        $args[] = '--json';
        return $this->decode($this->run($args, $stdin));
    }

    /** @param array{0:int,1:string,2:string} $run */
    private function decode(array $run): array
    {
        [$code, $out, $err] = $run;
        $doc = json_decode($out, true);
        if (!is_array($doc)) {
            throw new NtpcPolicyException("ntpc-policy failed (exit $code): " . trim($err), 'cli.failed', $code);
        }
        if (isset($doc['error'])) {
            throw new NtpcPolicyException($doc['error']['message_en'], $doc['error']['code'], $code);
        }
        return $doc;
    }

    /**
     * Runs the command, writing `$stdin` while reading its output (no deadlock on
     * large inputs), and stops writing as soon as the command closes its input
     * or exits: a write never goes to a process that has exited.
     *
     * @return array{0:int,1:string,2:string} exit code, stdout, stderr
     */
    private function run(array $args, string $stdin): array
    {
        $spec = [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']];
        $proc = @proc_open(array_merge($this->command, $args), $spec, $pipes);
        if (!is_resource($proc)) {
            throw new NtpcPolicyException('cannot start ntpc-policy', 'cli.not_found');
        }
        $out = '';
        $err = '';
        $exit = null; // proc_close() cannot tell it once proc_get_status() has seen the exit
        $todo = $stdin;
        stream_set_blocking($pipes[0], false);
        stream_set_blocking($pipes[1], false);
        stream_set_blocking($pipes[2], false);
        $open = [1 => $pipes[1], 2 => $pipes[2]];
        $in = $todo === '' ? null : $pipes[0];
        if ($in === null) {
            fclose($pipes[0]);
        }
        while ($open || $in !== null) {
            $read = array_values($open);
            $write = $in === null ? [] : [$in];
            $except = null;
            if (@stream_select($read, $write, $except, 5) === false) {
                break;
            }
            if ($write) {
                // Never write to a command that has exited (EPIPE): check first,
                // and treat a failed write as the command closing its input.
                $status = proc_get_status($proc);
                if (!$status['running'] && $exit === null) {
                    $exit = $status['exitcode'];
                }
                // The command may still exit between the check and the write;
                // that write's EPIPE warning is not the caller's business, so
                // no error handler of the application sees (or logs) it.
                $n = false;
                if ($status['running']) {
                    set_error_handler(fn() => true);
                    try {
                        $n = fwrite($in, $todo, 65536);
                    } finally {
                        restore_error_handler();
                    }
                }
                if ($n === false || $n === 0 && !$status['running']) {
                    $todo = '';
                } else {
                    $todo = (string) substr($todo, $n);
                }
                if ($todo === '') {
                    @fclose($in);
                    $in = null;
                }
            }
            foreach ($read as $r) {
                $chunk = fread($r, 65536);
                if ($r === $pipes[1]) {
                    $out .= (string) $chunk;
                } else {
                    $err .= (string) $chunk;
                }
                if (feof($r)) {
                    fclose($r);
                    $open = array_filter($open, fn($p) => $p !== $r);
                }
            }
        }
        if ($in !== null) {
            @fclose($in);
        }
        foreach ($open as $r) {
            fclose($r);
        }
        $code = proc_close($proc);
        if ($code === -1 && $exit !== null) {
            $code = $exit;
        }
        if ($code === 127) {
            throw new NtpcPolicyException('ntpc-policy not found: ' . trim($err), 'cli.not_found', $code);
        }
        return [$code, $out, $err];
    }
}
