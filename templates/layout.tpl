{{%AUTOESCAPE context="HTML"}}<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} · Tenantry</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/static/app.css">
<script src="/static/app.js" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
{{#SIGNED_IN}}<div class="shell">
<nav class="menu" aria-label="Main menu">
<div class="brand"><span class="logo">Tenantry</span><span class="op">{{OPERATOR_NAME}}</span></div>
{{#SEARCH_BOX}}<form class="global-search" method="get" action="/search" role="search"><label for="global-q" class="sr">Find a phone number, IP, MAC or port label</label><input id="global-q" name="find" type="search" maxlength="100" placeholder="Number, IP, MAC, port…"><button type="submit">Find</button></form>
{{/SEARCH_BOX}}<ul>
{{#MENU}}<li><a href="{{HREF}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a></li>
{{/MENU}}</ul>
<div class="me">
<div class="who">{{USER_NAME}}<small>{{ROLE_LABEL}}</small></div>
<form method="post" action="/logout"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="linkish">Sign out</button></form>
</div>
</nav>
<main id="main" class="content">
{{/SIGNED_IN}}{{#SIGNED_OUT}}<main id="main" class="bare">
{{/SIGNED_OUT}}{{#FLASH}}<p class="flash" role="status">{{TEXT}}</p>
{{/FLASH}}{{>BODY}}
</main>
{{#SIGNED_IN}}</div>{{/SIGNED_IN}}
</body>
</html>
