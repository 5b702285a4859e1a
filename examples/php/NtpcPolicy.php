<?php
/**
 * NtpcPolicy — a small PHP client for ntpc-policy: the `ntpc-policy serve`
 * service when it is given one, else the command line.
 *
 * Service mode (issue 18): give a Unix socket path or a URL, as the second
 * argument or in NTPC_POLICY_SERVICE (and a bearer token, for a service off
 * loopback, as the third argument or in NTPC_POLICY_TOKEN). Each call is then
 * one HTTP request over a kept-alive connection (curl, php-curl) instead of a
 * new Python process; the arrays returned are the same in both modes.
 *
 *     $p = new NtpcPolicy(null, '/run/ntpc-policy/ntpc-policy.sock');
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

    /** @var string|null the service's base URL (service mode), else null */
    private $base = null;

    /** @var string|null the service's Unix socket path */
    private $socket = null;

    /** @var string|null bearer token */
    private $token = null;

    /** @var resource|\CurlHandle|null one handle per client: the connection is kept alive */
    private $curl = null;

    /**
     * @param string|null $binary  path of the `ntpc-policy` command; default: the
     *                             NTPC_POLICY_BIN environment variable, else `ntpc-policy` on PATH.
     * @param string|null $service the service: a Unix socket path (`/run/…/ntpc-policy.sock`)
     *                             or a URL (`http://127.0.0.1:8080`); default: NTPC_POLICY_SERVICE,
     *                             else none (the command line is used).
     * @param string|null $token   the bearer token of a service off loopback; default: NTPC_POLICY_TOKEN.
     */
    public function __construct(?string $binary = null, ?string $service = null, ?string $token = null)
    {
        $bin = $binary ?? (getenv('NTPC_POLICY_BIN') ?: 'ntpc-policy');
        $this->command = [$bin];
        $service = $service ?? (getenv('NTPC_POLICY_SERVICE') ?: null);
        if ($service !== null && $service !== '') {
            if (preg_match('~^https?://~i', $service)) {
                $this->base = rtrim($service, '/');
            } else {
                $this->socket = $service;
                $this->base = 'http://localhost';
            }
            $this->token = $token ?? (getenv('NTPC_POLICY_TOKEN') ?: null);
        }
    }

    /** Whether calls go to the service (true) or to the command line. */
    public function usesService(): bool
    {
        return $this->base !== null;
    }

    /** Classifies ID numbers (results are masked); one record per value, in order. */
    public function checkIds(array $values): array
    {
        return $this->each(['id', 'check'], $values, fn($r) => $r['format_valid'] && $r['checksum_valid']);
    }

    /** Flags custom account names shaped like ID numbers; one record per name, in order. */
    public function checkAccounts(array $names): array
    {
        return $this->each(['account', 'check'], $names, fn($r) => $r['verdict'] !== 'fail');
    }

    /** Converts dates (ROC or Gregorian) with the school year and semester; one record per text. */
    public function dates(array $texts): array
    {
        if ($this->base === null) {
            return $this->each(['date'], $texts);
        }
        // The command's `date` is four core functions: parse, then the school
        // term and two formats of each date that parsed.
        $records = $this->serviceEach('date', $texts, fn($r) => true);
        $good = array_keys(array_filter($records, fn($r) => isset($r['result'])));
        if ($good) {
            $dates = array_map(fn($i) => $records[$i]['result']['date'], $good);
            $terms = $this->post('/v1/fn/calendar.school_term', json_encode($dates))['records'];
            $roc = $this->post('/v1/fn/calendar.format', json_encode(array_map(fn($d) => ['date' => $d, 'style' => 'roc_slash'], $dates)))['records'];
            $fmt = $this->post('/v1/fn/calendar.format', json_encode(array_map(fn($d) => ['date' => $d, 'style' => 'roc_chinese'], $dates)))['records'];
            foreach ($good as $k => $i) {
                $r = $records[$i]['result'];
                $r['roc'] = $roc[$k]['result'];
                $r['formatted'] = $fmt[$k]['result'];
                $r['school_year'] = $terms[$k]['result']['school_year'];
                $r['semester'] = $terms[$k]['result']['semester'];
                $records[$i]['result'] = $r;
            }
        }
        return $records;
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
        if ($this->base === null) {
            return $this->each(['password', 'check'], $items);
        }
        $records = $this->serviceEach('password/check', $items, fn($r) => $r['verdict'] !== 'fail');
        foreach ($records as $i => $rec) {
            // As the command line: the result names the account it was checked for.
            if (isset($rec['result']) && is_array($items[$i]) && isset($items[$i]['account'])) {
                $records[$i]['result']['account'] = $items[$i]['account'];
            }
        }
        return $records;
    }

    /** Finds ID numbers in a text. */
    public function scanIds(string $text): array
    {
        if ($this->base === null) {
            return $this->document(['id', 'scan', '-'], $text)['records'];
        }
        $scan = $this->post('/v1/id/scan', $text, 'application/octet-stream');
        if (!$scan['matches']) {
            return [];
        }
        // Where each match is, as the command line says it: the line, and the
        // column in characters, of the text decoded to UTF-8.
        if ($scan['encoding'] === 'utf-8') {
            $utf8 = $scan['bom'] ? substr($text, 3) : $text;
        } else {
            $utf8 = $this->post('/v1/fn/import.decode', json_encode(['data' => ['base64' => base64_encode($text)]]))['text'];
        }
        $records = [];
        foreach ($scan['matches'] as $i => $m) {
            $start = $m['start'];
            $lineStart = strrpos(substr($utf8, 0, $start), "\n");
            $lineStart = $lineStart === false ? 0 : $lineStart + 1;
            $m['line'] = substr_count($utf8, "\n", 0, $start) + 1;
            $m['column'] = preg_match_all('/./su', substr($utf8, $lineStart, $start - $lineStart)) + 1;
            $records[] = ['input' => $i, 'line' => $m['line'], 'ok' => false, 'result' => $m];
        }
        return $records;
    }

    /** The text with every ID number masked (same encoding, line ends and BOM). */
    public function redactIds(string $text): string
    {
        if ($this->base !== null) {
            return (string) hex2bin($this->post('/v1/id/redact', $text, 'application/octet-stream')['data_hex']);
        }
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
        if ($this->base !== null) {
            // The file travels as the request body; the options as query parameters.
            $route = '/v1/' . $args[0] . '/' . $args[1];
            $query = [];
            foreach (array_slice($args, 2) as $opt) {
                [$k, $v] = explode('=', substr($opt, 2), 2);
                $query[$k] = $v;
            }
            return $this->post($route, $this->readFile($path), 'application/octet-stream', $query);
        }
        $args[] = '--json';
        $args[] = '--';
        $args[] = $path === '-' ? './-' : $path;
        return $this->decode($this->run($args, ''));
    }

    /** Runs a command over values sent as one JSON array; one record per value, in order. */
    private function each(array $args, array $values, ?callable $ok = null): array
    {
        if ($this->base !== null) {
            return $this->serviceEach(implode('/', $args), $values, $ok ?? fn($r) => true);
        }
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

    /** The JSON array of values, as `each` sends it (a value that is no UTF-8 is a lone surrogate). */
    private static function jsonValues(array $values): string
    {
        $parts = [];
        foreach ($values as $v) {
            $json = json_encode($v, JSON_UNESCAPED_UNICODE);
            $parts[] = $json === false ? '"\\ud800"' : $json;
        }
        return '[' . implode(',', $parts) . ']';
    }

    /**
     * A batch over the service: one record per value, in order, shaped as the
     * command line prints them (`input`, `line`, then `ok` and `result`, or `error`).
     */
    private function serviceEach(string $path, array $values, callable $ok): array
    {
        $values = array_values($values);
        $records = $this->post('/v1/' . $path, self::jsonValues($values))['records'];
        if (count($records) !== count($values)) {
            throw new NtpcPolicyException('the service returned ' . count($records) . ' records for ' . count($values) . ' values', 'service.failed');
        }
        $out = [];
        foreach ($records as $r) {
            if (isset($r['error'])) {
                $e = $r['error'];
                $out[] = ['input' => $r['input'], 'line' => null, 'error' => [
                    'code' => $e['code'], 'message_zh' => $e['message_zh'], 'message_en' => $e['message_en'], 'params' => $e['params'],
                ]];
            } else {
                $out[] = ['input' => $r['input'], 'line' => null, 'ok' => (bool) $ok($r['result']), 'result' => $r['result']];
            }
        }
        return $out;
    }

    /** A file's bytes, with the command line's typed errors for a path it cannot read. */
    private function readFile(string $path): string
    {
        if (is_dir($path)) {
            throw new NtpcPolicyException("FILE: \"$path\" is a folder, not a file.", 'input.is_directory', 2);
        }
        if (!file_exists($path)) {
            throw new NtpcPolicyException("FILE: file not found: \"$path\" (the file or its folder does not exist).", 'input.file_not_found', 2);
        }
        $data = @file_get_contents($path);
        if ($data === false) {
            throw new NtpcPolicyException("FILE: \"$path\" cannot be read or written (permission denied).", 'input.unreadable', 2);
        }
        return $data;
    }

    /**
     * One request to the service; the decoded JSON answer. An error answer
     * (`{code, params, message_zh, message_en}`) raises NtpcPolicyException with its code.
     */
    private function post(string $path, string $body, string $type = 'application/json', array $query = []): array
    {
        if ($this->curl === null) {
            if (!function_exists('curl_init')) {
                throw new NtpcPolicyException('the service needs php-curl', 'service.unreachable');
            }
            $this->curl = curl_init();
        }
        $ch = $this->curl;
        $headers = ["Content-Type: $type", 'Expect:'];
        if ($this->token !== null) {
            $headers[] = 'Authorization: Bearer ' . $this->token;
        }
        $opts = [
            CURLOPT_URL => $this->base . $path . ($query ? '?' . http_build_query($query) : ''),
            CURLOPT_POST => true,
            CURLOPT_POSTFIELDS => $body,
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_HTTPHEADER => $headers,
            CURLOPT_CONNECTTIMEOUT => 5,
            CURLOPT_TIMEOUT => 120,
        ];
        if ($this->socket !== null) {
            $opts[CURLOPT_UNIX_SOCKET_PATH] = $this->socket;
        }
        curl_setopt_array($ch, $opts);
        $out = curl_exec($ch);
        if ($out === false) {
            throw new NtpcPolicyException('cannot reach the ntpc-policy service: ' . curl_error($ch), 'service.unreachable');
        }
        $status = (int) curl_getinfo($ch, CURLINFO_RESPONSE_CODE);
        $doc = json_decode((string) $out, true);
        if (!is_array($doc)) {
            throw new NtpcPolicyException("the ntpc-policy service answered HTTP $status without JSON", 'service.failed', $status);
        }
        if ($status !== 200) {
            throw new NtpcPolicyException($doc['message_en'] ?? "HTTP $status", $doc['code'] ?? 'service.failed', $status);
        }
        return $doc;
    }

    /** Runs a subcommand with --json and returns the whole JSON document (command line only). */
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
