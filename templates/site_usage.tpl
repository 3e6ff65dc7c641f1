{{%AUTOESCAPE context="HTML"}}<header class="page-head">
<div><p class="crumbs"><a href="/sites">Sites</a> › <a href="/sites/{{SITE_ID}}">{{SITE_NAME}}</a></p>
<h1>Billing Usage Report — {{SITE_NAME}}, {{MONTH_LABEL}}</h1>
<p class="sub">Allocations, allowances and usage charges of the occupiers at {{SITE_NAME}}.</p></div>
<div class="actions"><a class="button" href="/sites/{{SITE_ID}}/usage.csv?month={{MONTH}}">Download CSV</a> <a class="button primary" href="/sites/{{SITE_ID}}/usage/import">Import usage</a></div>
</header>
<form class="filters toolbar" method="get" action="/sites/{{SITE_ID}}/usage">
<a href="?month={{PREV_MONTH}}" rel="prev">← Previous</a>
<label for="f-month">Month</label><input id="f-month" name="month" type="month" value="{{MONTH}}" required>
<button type="submit">Show</button>
<a href="?month={{NEXT_MONTH}}" rel="next">Next →</a>
</form>
<table class="grid usage-totals">
<tbody>
<tr><th scope="row">Calls</th><td class="num">{{CALLS}}</td></tr>
<tr><th scope="row">Billed time (min:s)</th><td class="num">{{BILLED}}</td></tr>
<tr><th scope="row">Call charges</th><td class="num">{{CALL_AMOUNT}}</td></tr>
<tr><th scope="row">Bandwidth burst charges</th><td class="num">{{BURST_AMOUNT}}</td></tr>
<tr><th scope="row">Usage charges in all</th><td class="num"><strong>{{TOTAL}}</strong></td></tr>
<tr><th scope="row">Free calls (internal, received)</th><td class="num">{{FREE_CALLS}}</td></tr>
<tr><th scope="row">Not charged: no tariff or no rate</th><td class="num">{{UNRATED_CALLS}}</td></tr>
<tr><th scope="row">Unattributed: from numbers nobody held</th><td class="num">{{NOBODY_CALLS}} ({{NOBODY_SECONDS}}){{#HAS_NOBODY}} · <a href="/sites/{{SITE_ID}}/usage/unattributed.csv?month={{MONTH}}">CSV</a>{{/HAS_NOBODY}}</td></tr>
<tr><th scope="row">Carrier cost</th><td class="num">{{CARRIER}}</td></tr>
</tbody>
</table>
<p class="hint">Each call is rounded half up to the penny once and each line is the sum of its calls; a burst is rounded once a month. Unattributed calls are never charged to anyone.</p>
{{#HAS_OCC}}<table class="grid usage-report">
<thead><tr><th scope="col">Occupier</th><th scope="col">Allocations</th><th scope="col">Allowances</th><th scope="col">Usage charges</th><th scope="col" class="num">Total</th></tr></thead>
<tbody>
{{#OCC}}<tr><td data-label="Occupier"><a href="/occupiers/{{OCC_ID}}/sites/{{SITE_ID}}/usage?month={{MONTH}}">{{NAME}}</a></td>
<td data-label="Allocations">{{NUMBERS}} numbers · {{LINES}} voice lines · {{PORTS}} ports<br><span class="muted">{{TARIFF}} · {{COMMITTED}}</span></td>
<td data-label="Allowances">{{#ALLOW}}{{GROUP}}: {{USED}} of {{ALLOWANCE}}<br>{{/ALLOW}}</td>
<td data-label="Usage charges">{{#LINE}}{{LABEL}}: {{DETAIL}} — {{AMOUNT}}<br>{{/LINE}}{{#NO_LINES}}<span class="muted">None ({{CALLS}} calls)</span>{{/NO_LINES}}</td>
<td class="num" data-label="Total">{{USAGE_TOTAL}}</td></tr>
{{/OCC}}</tbody>
</table>
<nav class="pager" aria-label="Pages of occupiers">{{#PREV_PAGE}}<a href="?month={{MONTH}}&amp;page={{N}}" rel="prev">← Previous</a>{{/PREV_PAGE}}<span>Page {{PAGE}} of {{PAGES}} ({{NOCC}} occupiers)</span>{{#NEXT_PAGE}}<a href="?month={{MONTH}}&amp;page={{N}}" rel="next">Next →</a>{{/NEXT_PAGE}}</nav>{{/HAS_OCC}}
{{#NO_OCC}}<div class="empty"><p>It is empty here: no occupier at {{SITE_NAME}} has voice or bandwidth services or usage in {{MONTH_LABEL}}.</p></div>{{/NO_OCC}}
