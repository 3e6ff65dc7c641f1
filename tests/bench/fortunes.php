<?php
// fortunes.php: TechEmpower Fortunes in plain PHP, the peer `make bench`
// (tests/bench/run.sh) compares /fortunes with. Only the benchmark uses it:
// PHP-FPM (pm = static, same worker count as Tenantry) behind the same
// nginx and MariaDB. By the published rules: every row of the fortune
// table through PDO, one more added at request time, sorted by message,
// escaped, a complete HTML page. A persistent connection per FPM worker
// matches Tenantry's one connection per worker.
$pdo = new PDO(
	'mysql:unix_socket=' . $_SERVER['BENCH_DB_SOCKET'] . ';dbname=' .
	    $_SERVER['BENCH_DB_NAME'] . ';charset=utf8mb4',
	'root', '',
	[PDO::ATTR_PERSISTENT => true, PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]
);
$fortunes = $pdo->query('SELECT id, message FROM fortune')->fetchAll(PDO::FETCH_KEY_PAIR);
$fortunes[0] = 'Additional fortune added at request time.';
asort($fortunes, SORT_STRING);	// byte order, as strcmp in app/pages/fortunes.c
header('Content-Type: text/html; charset=utf-8');
?><!DOCTYPE html><html><head><title>Fortunes</title></head><body><table><tr><th>id</th><th>message</th></tr><?php
foreach ($fortunes as $id => $message) {
	echo '<tr><td>', $id, '</td><td>', htmlspecialchars($message, ENT_QUOTES, 'UTF-8'), '</td></tr>';
}
?></table></body></html>
