{{%AUTOESCAPE context="HTML"}}<header class="page-head">
<h1>Today</h1>
<p class="muted">{{TODAY}}</p>
</header>
<div class="dash">
<section class="card" aria-labelledby="dash-cases">
<h2 id="dash-cases">Open cases</h2>
<p class="figure" data-figure="cases"><a href="/cases"><strong>{{CASES_COUNT}}</strong> {{CASES_NOUN}}</a></p>
{{#CASES_EMPTY}}<p class="empty-note">No open cases: nothing is waiting on the team.</p>{{/CASES_EMPTY}}
<ul class="dash-list" data-block="cases">
{{#CASE}}<li><a href="/cases/{{ID}}">{{SUBJECT}}</a> <small><a href="/occupiers/{{OCC_ID}}">{{OCCUPIER}}</a> · {{SITE}} · raised <time datetime="{{RAISED_ISO}}">{{RAISED}}</time></small></li>
{{/CASE}}</ul>
</section>
<section class="card" aria-labelledby="dash-contracts">
<h2 id="dash-contracts">Contracts in the next 30 days</h2>
<p class="figure" data-figure="contracts"><strong>{{STARTING}}</strong> starting · <strong>{{ENDING}}</strong> ending</p>
{{#CONTRACTS_EMPTY}}<p class="empty-note">No contract starts or ends in the next 30 days.</p>{{/CONTRACTS_EMPTY}}
<ul class="dash-list" data-block="contracts">
{{#CONTRACT}}<li>{{KIND}} {{DAY}}: <a href="/occupiers/{{OCC_ID}}/sites/{{SITE_ID}}/contracts">{{REFERENCE}}</a> <small><a href="/occupiers/{{OCC_ID}}">{{OCCUPIER}}</a> · {{SITE}}</small></li>
{{/CONTRACT}}</ul>
</section>
<section class="card" aria-labelledby="dash-pending">
<h2 id="dash-pending">Awaiting activation</h2>
<p class="figure" data-figure="pending"><strong>{{PENDING_COUNT}}</strong> {{PENDING_NOUN}} not started yet</p>
{{#PENDING_EMPTY}}<p class="empty-note">Every service taken has started.</p>{{/PENDING_EMPTY}}
<ul class="dash-list" data-block="pending">
{{#PENDING}}<li><a href="/occupiers/{{OCC_ID}}/sites/{{SITE_ID}}/services">{{SERVICE}} × {{QTY}}</a> starts {{STARTS}} <small><a href="/occupiers/{{OCC_ID}}">{{OCCUPIER}}</a> · {{SITE}}</small></li>
{{/PENDING}}</ul>
</section>
<section class="card" aria-labelledby="dash-over">
<h2 id="dash-over">Over an allocation</h2>
<p class="figure" data-figure="over"><strong>{{OVER_COUNT}}</strong> {{OVER_NOUN}}</p>
{{#OVER_EMPTY}}<p class="empty-note">Every occupier uses no more infrastructure than its services allocate.</p>{{/OVER_EMPTY}}
<ul class="dash-list" data-block="over">
{{#OVER}}<li><a href="/occupiers/{{OCC_ID}}/sites/{{SITE_ID}}/services">{{OCCUPIER}}</a> at {{SITE}}: <span class="warn">{{FRACTIONS}}</span></li>
{{/OVER}}</ul>
</section>
<section class="card" aria-labelledby="dash-sites">
<h2 id="dash-sites">This month's charges by site</h2>
{{#SITES_EMPTY}}<p class="empty-note">No charges this month yet.</p>{{/SITES_EMPTY}}
<table class="grid compact" data-block="sites">
<thead><tr><th scope="col">Site</th><th scope="col" class="num">Charges</th></tr></thead>
<tbody>
{{#SITE_CHARGE}}<tr><td data-label="Site"><a href="/sites/{{SITE_ID}}">{{SITE}}</a></td><td class="num" data-label="Charges">{{AMOUNT}}</td></tr>
{{/SITE_CHARGE}}</tbody>
{{#SITES_TOTAL}}<tfoot><tr><th scope="row">Total</th><td class="num"><strong>{{AMOUNT}}</strong></td></tr></tfoot>{{/SITES_TOTAL}}
</table>
</section>
<section class="card wide" aria-labelledby="dash-chart">
<h2 id="dash-chart">Charges, last 12 months</h2>
{{#CHART_EMPTY}}<p class="empty-note">No charges in the last 12 months.</p>{{/CHART_EMPTY}}
<svg class="chart" viewBox="0 0 {{CHART_W}} {{CHART_H}}" role="img" aria-labelledby="chart-title chart-desc" preserveAspectRatio="xMidYMid meet">
<title id="chart-title">Charges by month, {{CHART_FROM}} to {{CHART_TO}}</title>
<desc id="chart-desc">One bar per month, its height the month's charges; the figures are in the table below.</desc>
<line x1="0" y1="{{BASE_Y}}" x2="{{CHART_W}}" y2="{{BASE_Y}}" class="axis"/>
{{#BAR}}<g class="bar"><rect x="{{X}}" y="{{Y}}" width="{{W}}" height="{{H}}"><title>{{LABEL}}: {{AMOUNT}}</title></rect><text x="{{TX}}" y="{{LY}}" text-anchor="middle">{{SHORT}}</text></g>
{{/BAR}}</svg>
<details class="chart-figures"><summary>Figures</summary>
<table class="grid compact" data-block="months">
<thead><tr><th scope="col">Month</th><th scope="col" class="num">Charges</th></tr></thead>
<tbody>
{{#MONTH_ROW}}<tr><td data-label="Month">{{LABEL}}</td><td class="num" data-label="Charges">{{AMOUNT}}</td></tr>
{{/MONTH_ROW}}</tbody>
</table>
</details>
</section>
</div>
