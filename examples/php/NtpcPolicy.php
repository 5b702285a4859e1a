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
 * Every method returns the decoded `records` of the command (one per input).
 * Input errors come back as records with an `error` member; a failure of the
 * command itself (not found, usage error, crash) raises NtpcPolicyException.
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

    /** Classifies ID numbers (results are masked). */
    public function checkIds(array $values): array
    {
        return $this->records(['id', 'check', '-'], implode("\n", $values) . "\n");
    }

    /** Flags custom account names shaped like ID numbers. */
    public function checkAccounts(array $names): array
    {
        return $this->records(['account', 'check', '-'], implode("\n", $names) . "\n");
    }

    /** Checks one password; the password travels on stdin, never in argv. */
    public function checkPassword(string $password, ?string $account = null, ?string $displayName = null): array
    {
        if (strpbrk($password, "\r\n") !== false) {
            throw new NtpcPolicyException('a password cannot contain a line break', 'password.control_char');
        }
        $args = ['password', 'check'];
        if ($account !== null) {
            array_push($args, '--account', $account);
        }
        if ($displayName !== null) {
            array_push($args, '--display-name', $displayName);
        }
        $records = $this->records($args, $password . "\n");
        return $records[0]['result'];
    }

    /** Converts dates (ROC or Gregorian) and gives the school year and semester. */
    public function dates(array $texts): array
    {
        return $this->records(['date', '-'], implode("\n", $texts) . "\n");
    }

    /** Finds ID numbers in a text. */
    public function scanIds(string $text): array
    {
        return $this->records(['id', 'scan', '-'], $text);
    }

    /** The text with every ID number masked. */
    public function redactIds(string $text): string
    {
        [$code, $out, $err] = $this->run(['id', 'scan', '-', '--redact'], $text);
        if ($code !== 0) {
            throw new NtpcPolicyException(trim($err), 'cli.failed', $code);
        }
        return $out;
    }

    /**
     * The mailbox sweep of a CSV export (帳號,啟用日期,最後登入,人員狀態 …) on a day:
     * the whole report, with `records` (one per row; bad rows as `error` at their
     * line), `counts`, `notices` (mail these today) and `deletable`.
     */
    public function mailboxSweep(string $csvPath, string $today): array
    {
        return $this->document(['mailbox', 'sweep', $csvPath, '--today', $today], '');
    }

    /** Education-account access of everyone in a CSV export (姓名,狀態,班級,異動日期,自訂帳號). */
    public function accountAccess(string $csvPath, string $today): array
    {
        return $this->document(['account', 'access', $csvPath, '--today', $today], '')['records'];
    }

    /** Each incident of the department's table with its deadlines and status at `$now`. */
    public function incidentCheck(string $csvPath, string $now): array
    {
        return $this->document(['incident', 'check', $csvPath, '--now', $now], '')['records'];
    }

    /** Runs a subcommand with --json and returns its records. */
    public function records(array $args, string $stdin): array
    {
        return $this->document($args, $stdin)['records'];
    }

    /** Runs a subcommand with --json and returns the whole JSON document. */
    public function document(array $args, string $stdin): array
    {
        $args[] = '--json';
        [$code, $out, $err] = $this->run($args, $stdin);
        $doc = json_decode($out, true);
        if (!is_array($doc)) {
            throw new NtpcPolicyException("ntpc-policy failed (exit $code): " . trim($err), 'cli.failed', $code);
        }
        if (isset($doc['error'])) {
            throw new NtpcPolicyException($doc['error']['message_en'], $doc['error']['code'], $code);
        }
        return $doc;
    }

    /** @return array{0:int,1:string,2:string} exit code, stdout, stderr */
    private function run(array $args, string $stdin): array
    {
        $spec = [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']];
        $proc = proc_open(array_merge($this->command, $args), $spec, $pipes);
        if (!is_resource($proc)) {
            throw new NtpcPolicyException('cannot start ntpc-policy', 'cli.not_found');
        }
        fwrite($pipes[0], $stdin);
        fclose($pipes[0]);
        $out = stream_get_contents($pipes[1]);
        $err = stream_get_contents($pipes[2]);
        fclose($pipes[1]);
        fclose($pipes[2]);
        $code = proc_close($proc);
        if ($code === 127) {
            throw new NtpcPolicyException('ntpc-policy not found: ' . trim($err), 'cli.not_found', $code);
        }
        return [$code, $out, $err];
    }
}
