{{%AUTOESCAPE context="HTML"}}<header class="page-head noprint"><div><p class="crumbs"><a href="/my/invoices">Invoices</a></p>
<h1>{{TITLE}}</h1><p class="sub"><span class="badge {{STATUS_KEY}}">{{STATUS}}</span>{{#DUE}} · left to pay {{AMOUNT}}{{/DUE}}</p></div>
<div class="actions"><a class="button primary" href="/my/invoices/{{ID}}/pdf">Download PDF</a></div>
</header>
{{>DOC}}
