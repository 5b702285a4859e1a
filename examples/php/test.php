<?php
/**
 * Tests of the PHP client against the real command line (run by `make test`).
 * Prints "N passed, M failed" and exits non-zero on any failure. Any PHP
 * warning or notice (e.g. `fwrite(): Broken pipe`) is a failure too.
 */
require __DIR__ . '/NtpcPolicy.php';

$passed = 0;
$failed = 0;
function check(string $name, bool $ok, $detail = null): void
{
    global $passed, $failed;
    if ($ok) {
        $passed++;
    } else {
        $failed++;
        fwrite(STDERR, "FAIL $name" . ($detail === null ? '' : ': ' . json_encode($detail, JSON_UNESCAPED_UNICODE | JSON_INVALID_UTF8_SUBSTITUTE)) . "\n");
    }
}

$warnings = [];
set_error_handler(function (int $no, string $msg) use (&$warnings) {
    $warnings[] = $msg;
    return true;
});

/**
 * An array with the keys of every JSON object sorted: the command line prints
 * a record's keys in the core's declaration order, the service in name order;
 * the same keys and values are the same answer.
 */
function canonical($v)
{
    if (!is_array($v)) {
        return $v;
    }
    $v = array_map('canonical', $v);
    if (!array_is_list($v)) {
        ksort($v, SORT_STRING);
    }
    return $v;
}

/** Every case of the client; run once over the command line and once over the service. */
function run_cases(NtpcPolicy $p, string $mode): void
{

    $r = $p->checkPassword('Aa123456', 'wang.xiaoming');
    check("$mode: " . 'weak password warns', $r['verdict'] === 'warn', $r);
    check("$mode: " . 'weak password code', in_array('password.common', array_column($r['findings'], 'code'), true), $r);
    check("$mode: " . 'password never echoed', strpos(json_encode($r), 'Aa123456') === false, $r);

    $r = $p->checkPassword('short', null);
    check("$mode: " . 'short password fails', $r['verdict'] === 'fail', $r);

    // Values that start with `-` are data, not options (issue 17 §3).
    $r = $p->checkPassword('Xyz!2021ab', '--json');
    check("$mode: " . 'an account starting with - is an account', in_array($r['verdict'], ['pass', 'warn'], true), $r);
    $r = $p->checkPassword('--help', '-x', '--display-name');
    check("$mode: " . 'a password starting with - is a password', $r['verdict'] === 'fail', $r);
    $r = $p->checkPassword("Good#Pass\n2024x", 'wang01');
    check("$mode: " . 'a password with a line break is one password', isset($r['verdict']), $r);
    $r = $p->checkPassword('Tr0ub4dor&3xq', '-wang', '--help');
    check("$mode: " . 'an account and a display name starting with - are data', isset($r['verdict']), $r);
    $ids = $p->checkIds(['-A123456789', '--', '-', '--json']);
    check("$mode: " . 'ID values starting with - are values: 4 records', count($ids) === 4 && array_column($ids, 'input') === [0, 1, 2, 3], $ids);
    check("$mode: " . '-A123456789 is not an ID', ($ids[0]['result']['kind'] ?? null) === 'none', $ids[0]);
    $d = $p->dates(['-110/12/07', '110/12/07']);
    check("$mode: " . 'a date starting with - is an error record at its place, not a usage error', isset($d[0]['error']) && $d[1]['result']['date'] === '2021-12-07', $d);
    $acc = $p->checkAccounts([__FILE__]);
    check("$mode: " . 'a value that is a file path is checked as a value', count($acc) === 1 && $acc[0]['result']['verdict'] === 'pass', $acc);

    $ids = $p->checkIds(['A123456789', 'A123456780', 'hello']);
    check("$mode: " . 'three id records', count($ids) === 3, $ids);
    check("$mode: " . 'valid id', $ids[0]['result']['kind'] === 'national_id' && $ids[0]['result']['checksum_valid'] === true, $ids[0]);
    check("$mode: " . 'id is masked', $ids[0]['result']['masked'] === 'A12****789', $ids[0]);
    check("$mode: " . 'bad checksum', $ids[1]['result']['checksum_valid'] === false, $ids[1]);
    check("$mode: " . 'not an id', $ids[2]['result']['kind'] === 'none', $ids[2]);

    $acc = $p->checkAccounts(['wang.xiaoming', 'a123456789@apps.ntpc.edu.tw']);
    check("$mode: " . 'ordinary account passes', $acc[0]['result']['verdict'] === 'pass', $acc[0]);
    check("$mode: " . 'ID-shaped account fails', $acc[1]['result']['verdict'] === 'fail', $acc[1]);

    // One result per input, in order, whatever the values hold (issue 14 §2).
    $acc = $p->checkAccounts(['', 'a123456789@apps.ntpc.edu.tw', 'wang01']);
    check("$mode: " . 'blank value keeps its place: 3 results', count($acc) === 3, $acc);
    check("$mode: " . 'the ID-shaped account is not pass', ($acc[1]['result']['verdict'] ?? null) === 'fail', $acc);
    check("$mode: " . 'results in input order', ($acc[2]['result']['verdict'] ?? null) === 'pass' && $acc[2]['input'] === 2, $acc);
    $odd = ['# not a comment', "two\nlines", '-rf', '', '   ', 'A123456789'];
    $ids = $p->checkIds($odd);
    check("$mode: " . 'odd values: one record each', count($ids) === count($odd), $ids);
    check("$mode: " . 'odd values: in order', array_column($ids, 'input') === range(0, count($odd) - 1), $ids);
    check("$mode: " . 'odd values: the last is the ID', $ids[5]['result']['masked'] === 'A12****789', $ids[5]);
    $d = $p->dates(['', '110年12月7日', '#', "110/12/07\n110/12/08"]);
    check("$mode: " . 'dates: one record each', count($d) === 4, $d);
    check("$mode: " . 'dates: the second converts', $d[1]['result']['date'] === '2021-12-07', $d[1]);
    check("$mode: " . 'dates: a blank is an error at its place', isset($d[0]['error']), $d[0]);

    $bad = $p->checkAccounts(["\xff\xfe", 'wang01']);
    check("$mode: " . 'bytes that are no UTF-8: input.invalid_text at its place', count($bad) === 2 && $bad[0]['error']['code'] === 'input.invalid_text' && $bad[1]['result']['verdict'] === 'pass', $bad);

    $d = $p->dates(['110年12月7日', '110/02/30']);
    check("$mode: " . 'ROC date converts', $d[0]['result']['date'] === '2021-12-07', $d[0]);
    check("$mode: " . 'school year', $d[0]['result']['school_year'] === 110 && $d[0]['result']['semester'] === 1, $d[0]);
    check("$mode: " . 'bad date is an error record at its place', $d[1]['error']['code'] === 'calendar.invalid_date' && $d[1]['input'] === 1, $d[1]);

    $text = "王小明 A123456789 電話\n第二行 B２２３４５６７８９";
    $m = $p->scanIds($text);
    check("$mode: " . 'scan finds ids', count($m) >= 1 && $m[0]['result']['masked'] === 'A12****789', $m);
    $red = $p->redactIds($text);
    check("$mode: " . 'redaction removes the id', strpos($red, 'A123456789') === false && strpos($red, 'A12****789') !== false, $red);
    $red = $p->redactIds("a\r\nA123456789\r\n");
    check("$mode: " . 'redaction keeps CRLF', $red === "a\r\nA12****789\r\n", $red);

    $data = __DIR__ . '/../data';
    $sweep = $p->mailboxSweep("$data/mailboxes.csv", '110/12/07');
    check("$mode: " . 'sweep notices', array_column($sweep['total']['notices'], 'account') === ['chen.clerk@ntpc.edu.tw'], $sweep['total']);
    check("$mode: " . 'sweep bad row at its line', count($sweep['errors']) === 1 && $sweep['errors'][0]['line'] === 7 && $sweep['errors'][0]['code'] === 'calendar.invalid_date', $sweep['errors']);
    check("$mode: " . 'sweep summary agrees', $sweep['summary']['errors'] === 1 && $sweep['summary']['checked'] === count($sweep['rows']), $sweep['summary']);

    $people = $p->accountAccess("$data/people.csv", '2021-12-07');
    check("$mode: " . 'transfer gap has no access', $people['rows'][1]['result']['status'] === 'transfer_gap' && $people['rows'][1]['result']['access'] === false, $people['rows'][1]);

    $inc = $p->incidentCheck("$data/incidents.csv", '2021-12-07T09:00');
    check("$mode: " . 'six seed incidents', count($inc['rows']) === 6, count($inc['rows']));
    check("$mode: " . 'first incident notified late', $inc['rows'][0]['result']['obligations'][0]['status'] === 'late', $inc['rows'][0]['result']['obligations'][0]);

    // A path that starts with `-` is a path.
    $tmp = sys_get_temp_dir() . '/ntpc-php-' . getmypid();
    @mkdir($tmp);
    copy("$data/mailboxes.csv", "$tmp/-mailboxes.csv");
    $cwd = getcwd();
    chdir($tmp);
    try {
        $sweep = $p->mailboxSweep('-mailboxes.csv', '2021-12-07');
        check("$mode: " . 'a path starting with - is read', count($sweep['rows']) === 6, $sweep['summary']);
    } catch (NtpcPolicyException $e) {
        check("$mode: " . 'a path starting with - is read', false, $e->getMessage());
    }
    chdir($cwd);
    unlink("$tmp/-mailboxes.csv");
    rmdir($tmp);

    try {
        $p->mailboxSweep("$data/no-such-file.csv", '2021-12-07');
        check("$mode: " . 'a missing file raises a typed error', false);
    } catch (NtpcPolicyException $e) {
        check("$mode: " . 'a missing file raises a typed error', $e->policyCode === 'input.file_not_found', $e->policyCode);
        check("$mode: " . 'its message has no OS text', strpos($e->getMessage(), 'Errno') === false && strpos($e->getMessage(), 'file not found') !== false, $e->getMessage());
    }
    try {
        $p->mailboxSweep($data, '2021-12-07');
        check("$mode: " . 'a folder raises input.is_directory', false);
    } catch (NtpcPolicyException $e) {
        check("$mode: " . 'a folder raises input.is_directory', $e->policyCode === 'input.is_directory', $e->policyCode);
    }
    try {
        $p->mailboxSweep('-no-such-file.csv', '2021-12-07');
        check("$mode: " . 'a missing path starting with - is a missing file, not an option', false);
    } catch (NtpcPolicyException $e) {
        check("$mode: " . 'a missing path starting with - is a missing file, not an option', $e->policyCode === 'input.file_not_found', $e->policyCode);
    }
}

$cli = new NtpcPolicy();
run_cases($cli, 'cli');

// --- service mode: `ntpc-policy serve` on a Unix socket (issue 18) ---------------------
$bin = getenv('NTPC_POLICY_BIN') ?: 'ntpc-policy';
$dir = sys_get_temp_dir() . '/ntpc-php-serve-' . getmypid();
@mkdir($dir, 0700);
$sock = "$dir/ntpc-policy.sock";
$server = proc_open([$bin, 'serve', '--socket', $sock, '--workers', '1'], [1 => ['file', "$dir/serve.log", 'w'], 2 => ['file', "$dir/serve.log", 'a']], $pipes);
$svc = new NtpcPolicy('/nonexistent/ntpc-policy', $sock); // the command is never run in service mode
$up = false;
for ($i = 0; $i < 300 && !$up; $i++) {
    usleep(100000);
    if (file_exists($sock)) {
        try {
            $up = $svc->checkIds(['A123456789'])[0]['result']['kind'] === 'national_id';
        } catch (NtpcPolicyException $e) {
        }
    }
}
check('service: started', $up, @file_get_contents("$dir/serve.log"));
if ($up) {
    check('service: the client uses it', $svc->usesService() && !$cli->usesService());
    run_cases($svc, 'service');

    // The same arrays in both modes.
    $data = __DIR__ . '/../data';
    $odd = ['# not a comment', "two\nlines", '-rf', '', '   ', 'A123456789', "\xff\xfe"];
    foreach ([
        'checkIds' => [$odd],
        'checkAccounts' => [['', 'a123456789@apps.ntpc.edu.tw', 'wang01', "\xff"]],
        'dates' => [['', '110年12月7日', '#', '110/02/30', '2021-12-07T09:00']],
        'checkPasswords' => [['Aa123456', ['password' => 'Xyz!2021ab', 'account' => 'wang01'], ['password' => 'short', 'display_name' => '王小明']]],
        'scanIds' => ["王小明 A123456789 電話\n第二行 B２２３４５６７８９ C123456789"],
        'redactIds' => ["a\r\nA123456789\r\n"],
        'mailboxSweep' => ["$data/mailboxes.csv", '110/12/07'],
        'accountAccess' => ["$data/people.csv", '2021-12-07'],
        'incidentCheck' => ["$data/incidents.csv", '2021-12-07T09:00'],
    ] as $method => $args) {
        $a = $cli->$method(...$args);
        $b = $svc->$method(...$args);
        check("same arrays in both modes: $method", canonical($a) === canonical($b), [$a, $b]);
    }
    $big5 = hex2bin('a4fda470a9fa20413132333435363738390a'); // "王小明 A123456789\n" in Big5
    check('same arrays in both modes: scanIds of Big5 text', canonical($cli->scanIds($big5)) === canonical($svc->scanIds($big5)));
    check('same bytes in both modes: redactIds of Big5 text', $cli->redactIds($big5) === $svc->redactIds($big5));
    try {
        (new NtpcPolicy(null, "$dir/no-such.sock"))->checkIds(['A123456789']);
        check('service: an unreachable socket raises', false);
    } catch (NtpcPolicyException $e) {
        check('service: an unreachable socket raises', $e->policyCode === 'service.unreachable', $e->policyCode);
    }
    try {
        $svc->checkPassword('Xyz!2021ab', 'wang01', null);
        $r = $svc->checkPasswords([['password' => 'Xyz!2021ab', 'account' => 'wang01']]);
        check('service: an account is kept in the result as the command line does', $r[0]['result']['account'] === 'wang01', $r);
    } catch (NtpcPolicyException $e) {
        check('service: password check', false, $e->getMessage());
    }
}
proc_terminate($server, 15); // SIGTERM: the service finishes what it has and stops
$status = proc_close($server);
check('service: stops cleanly on SIGTERM', $status === 0, $status);
$log = (string) @file_get_contents("$dir/serve.log");
check('service: its log names no password and no ID number', strpos($log, 'Aa123456') === false && strpos($log, 'Xyz!2021ab') === false && strpos($log, 'A123456789') === false, $log);
@unlink("$dir/serve.log");
@rmdir($dir);

try {
    (new NtpcPolicy('/nonexistent/ntpc-policy'))->checkIds(['A123456789']);
    check('missing binary raises', false);
} catch (NtpcPolicyException $e) {
    check('missing binary raises', true);
}

// A command that exits without reading its input: no write to it after it exits.
try {
    (new NtpcPolicy('/bin/true'))->checkIds(array_fill(0, 200000, 'A123456789'));
    check('a command that exits early raises', false);
} catch (NtpcPolicyException $e) {
    check('a command that exits early raises', true);
}
check('no PHP warnings (no fwrite(): Broken pipe)', $warnings === [], $warnings);

echo "$passed passed, $failed failed\n";
exit($failed === 0 ? 0 : 1);
