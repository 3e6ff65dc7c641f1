{{%AUTOESCAPE context="HTML"}}<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{CODE}} {{REASON}} · Tenantry</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/static/app.css">
</head>
<body>
<main id="main" class="bare">
<div class="card error-page">
<p class="code">{{CODE}}</p>
<h1>{{REASON}}</h1>
<p>{{MESSAGE}}</p>
<p><a href="/">Go to the start page</a>{{#SIGNED_IN}}{{/SIGNED_IN}}</p>
</div>
</main>
</body>
</html>
