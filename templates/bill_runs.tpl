{{%AUTOESCAPE context="HTML"}}<header class="page-head"><div><p class="crumbs"><a href="/invoices">Invoices</a></p><h1>Bill run</h1></div></header>
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors"><p>Nothing was billed:</p>{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
<form class="card form" method="post" action="/invoices/runs" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<p>A bill run makes a draft invoice for every occupier with something to bill: the month's charges, and the adjustments of earlier months billed in advance. What is already on an invoice is never billed again, so a run can be made again after a change or an interruption. Drafts are reviewed and approved on their pages.</p>
<div class="field{{#F_PERIOD_INVALID}} invalid{{/F_PERIOD_INVALID}}"><label for="f-period">Month billed</label>
<input id="f-period" name="period" type="month" value="{{F_PERIOD}}" required{{#F_PERIOD_INVALID}} aria-invalid="true" aria-describedby="e-period"{{/F_PERIOD_INVALID}}>
{{#F_PERIOD_INVALID}}<p class="err" id="e-period">{{F_PERIOD_ERR}}</p>{{/F_PERIOD_INVALID}}</div>
<fieldset class="field"><legend>Billing</legend>
<label class="check"><input type="radio" name="mode" value="arrears"{{#MODE_ARREARS}} checked{{/MODE_ARREARS}}> In arrears: a month that has ended, its charges prorated by day (as the charges report)</label>
<label class="check"><input type="radio" name="mode" value="advance"{{#MODE_ADVANCE}} checked{{/MODE_ADVANCE}}> In advance: this or next month's charges as the services stand, with adjustments for changes since the last run</label>
</fieldset>
<div class="field"><label for="f-site">Site</label>
<select id="f-site" name="site"><option value="">All sites</option>{{#SITE_OPT}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/SITE_OPT}}</select></div>
<div class="buttons"><button type="submit" class="primary">Run</button></div>
</form>
<h2>Recent runs</h2>
{{#HAS_RUNS}}<table class="grid runs">
<thead><tr><th scope="col">Run</th><th scope="col">Month</th><th scope="col">Site</th><th scope="col">Started</th><th scope="col" class="num">Occupiers</th><th scope="col" class="num">Drafts made</th><th scope="col" class="num">Net</th><th scope="col">State</th></tr></thead>
<tbody>
{{#RUN}}<tr><td data-label="Run"><a href="/invoices/runs/{{ID}}">Run {{ID}}</a></td><td data-label="Month">{{PERIOD}} {{MODE}}</td><td data-label="Site">{{SITE}}</td><td data-label="Started">{{STARTED}} by {{BY}}</td><td class="num" data-label="Occupiers">{{OCCUPIERS}}</td><td class="num" data-label="Drafts made">{{INVOICES}}</td><td class="num" data-label="Net">{{NET}}</td><td data-label="State">{{STATE}}</td></tr>
{{/RUN}}</tbody></table>{{/HAS_RUNS}}
{{#NO_RUNS}}<div class="empty"><p>No bill run yet.</p></div>{{/NO_RUNS}}
