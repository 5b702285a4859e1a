<?php
/**
 * Tests of the PHP client against the real command line (run by `make test`).
 * Prints "N passed, M failed" and exits non-zero on any failure.
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
        fwrite(STDERR, "FAIL $name" . ($detail === null ? '' : ': ' . json_encode($detail, JSON_UNESCAPED_UNICODE)) . "\n");
    }
}

$p = new NtpcPolicy();

$r = $p->checkPassword('Aa123456', 'wang.xiaoming');
check('weak password warns', $r['verdict'] === 'warn', $r);
check('weak password code', in_array('password.common', array_column($r['findings'], 'code'), true), $r);
check('password never echoed', strpos(json_encode($r), 'Aa123456') === false, $r);

$r = $p->checkPassword('short', null);
check('short password fails', $r['verdict'] === 'fail', $r);

$ids = $p->checkIds(['A123456789', 'A123456780', 'hello']);
check('three id records', count($ids) === 3, $ids);
check('valid id', $ids[0]['result']['kind'] === 'national_id' && $ids[0]['result']['checksum_valid'] === true, $ids[0]);
check('id is masked', $ids[0]['result']['masked'] === 'A12****789', $ids[0]);
check('bad checksum', $ids[1]['result']['checksum_valid'] === false, $ids[1]);
check('not an id', $ids[2]['result']['kind'] === 'none', $ids[2]);

$acc = $p->checkAccounts(['wang.xiaoming', 'a123456789@apps.ntpc.edu.tw']);
check('ordinary account passes', $acc[0]['result']['verdict'] === 'pass', $acc[0]);
check('ID-shaped account fails', $acc[1]['result']['verdict'] === 'fail', $acc[1]);

$d = $p->dates(['110年12月7日', '110/02/30']);
check('ROC date converts', $d[0]['result']['date'] === '2021-12-07', $d[0]);
check('school year', $d[0]['result']['school_year'] === 110 && $d[0]['result']['semester'] === 1, $d[0]);
check('bad date is an error record with its line', $d[1]['error']['code'] === 'calendar.invalid_date' && $d[1]['line'] === 2, $d[1]);

$text = "王小明 A123456789 電話\n第二行 B２２３４５６７８９";
$m = $p->scanIds($text);
check('scan finds ids', count($m) >= 1 && $m[0]['result']['masked'] === 'A12****789', $m);
$red = $p->redactIds($text);
check('redaction removes the id', strpos($red, 'A123456789') === false && strpos($red, 'A12****789') !== false, $red);

$data = __DIR__ . '/../data';
$sweep = $p->mailboxSweep("$data/mailboxes.csv", '110/12/07');
check('sweep notices', array_column($sweep['notices'], 'account') === ['chen.clerk@ntpc.edu.tw'], $sweep['notices']);
$bad = array_values(array_filter($sweep['records'], fn($r) => isset($r['error'])));
check('sweep bad row at its line', count($bad) === 1 && $bad[0]['line'] === 7 && $bad[0]['error']['code'] === 'calendar.invalid_date', $bad);

$people = $p->accountAccess("$data/people.csv", '2021-12-07');
check('transfer gap has no access', $people[1]['result']['status'] === 'transfer_gap' && $people[1]['result']['access'] === false, $people[1]);

$inc = $p->incidentCheck("$data/incidents.csv", '2021-12-07T09:00');
check('six seed incidents', count($inc) === 6, count($inc));
check('first incident notified late', $inc[0]['result']['obligations'][0]['status'] === 'late', $inc[0]['result']['obligations'][0]);

try {
    (new NtpcPolicy('/nonexistent/ntpc-policy'))->checkIds(['A123456789']);
    check('missing binary raises', false);
} catch (NtpcPolicyException $e) {
    check('missing binary raises', true);
}

echo "$passed passed, $failed failed\n";
exit($failed === 0 ? 0 : 1);
