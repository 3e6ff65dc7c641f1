{{%AUTOESCAPE context="HTML"}}<header class="page-head"><div><p class="crumbs"><a href="/invoices">Invoices</a> › <a href="/invoices/runs">Bill run</a></p><h1>Bill run {{ID}}: {{PERIOD}} {{MODE}}</h1><p class="sub">{{SITE}} · started {{STARTED}} by {{BY}}</p></div></header>
{{#NOTICE}}<p class="flash" role="status">{{TEXT}}</p>{{/NOTICE}}
{{#UNFINISHED}}<div class="notice" role="alert">This run has not finished: it is running, or it was interrupted. What it invoiced is complete, invoice by invoice. If it is not running any more, run the same month again: what is already invoiced is never billed twice.</div>{{/UNFINISHED}}
<section class="card">
<dl class="facts run-facts"><dt>State</dt><dd>{{STATE}}{{#UNFINISHED}}not finished{{/UNFINISHED}}</dd><dt>Occupiers looked at</dt><dd>{{OCCUPIERS}}</dd><dt>Draft invoices made</dt><dd>{{INVOICES}} ({{LINES}} lines)</dd><dt>Net billed</dt><dd>{{NET}}</dd><dt>Drafts now</dt><dd>{{DRAFTS}}</dd><dt>Issued now</dt><dd>{{ISSUED}}</dd></dl>
<p><a href="/invoices?run={{ID}}">See this run's invoices</a></p>
{{#CAN_APPROVE}}<form method="post" action="/invoices/runs/{{ID}}">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="op" value="approve_all">
<p>Approving issues each draft with the next invoice number; review them first.</p>
<button type="submit" class="primary">Approve all {{DRAFTS}} drafts</button>
</form>{{/CAN_APPROVE}}
</section>
