{{%AUTOESCAPE context="HTML"}}{{>OCC_NAV}}
<section class="tab-body usage">
<header class="section-head">
<h2>Usage at {{SITE_NAME}} — {{MONTH_LABEL}}</h2>
<form class="filters" method="get" action="{{BASE}}">
<a href="?month={{PREV_MONTH}}" rel="prev">← Previous</a>
<label for="f-month">Month</label><input id="f-month" name="month" type="month" value="{{MONTH}}" required>
<button type="submit">Show</button>
<a href="?month={{NEXT_MONTH}}" rel="next">Next →</a>
</form>
</header>
<dl class="usage-alloc">
<dt>Phone numbers held</dt><dd>{{NUMBERS}}</dd>
<dt>Voice lines</dt><dd>{{LINES}}</dd>
<dt>Tariff</dt><dd>{{TARIFF}}</dd>
<dt>Floor ports</dt><dd>{{PORTS}}</dd>
<dt>Committed bandwidth</dt><dd>{{COMMITTED}}</dd>
</dl>
{{#HAS_ALLOW}}<h3>Allowances</h3>
<table class="grid usage-allow">
<thead><tr><th scope="col">Calls to</th><th scope="col" class="num">Allowance</th><th scope="col" class="num">Used</th><th scope="col" class="num">Left</th></tr></thead>
<tbody>
{{#ALLOW}}<tr><td data-label="Calls to">{{GROUP}}</td><td class="num" data-label="Allowance">{{ALLOWANCE}}</td><td class="num" data-label="Used">{{USED}}</td><td class="num" data-label="Left">{{LEFT}}</td></tr>
{{/ALLOW}}</tbody>
</table>{{/HAS_ALLOW}}
<h3>Usage charges</h3>
{{#HAS_LINES}}<table class="grid usage-lines">
<thead><tr><th scope="col">Line</th><th scope="col">Detail</th><th scope="col" class="num">Amount</th></tr></thead>
<tbody>
{{#LINE}}<tr><td data-label="Line">{{LABEL}}</td><td data-label="Detail">{{DETAIL}}</td><td class="num" data-label="Amount">{{AMOUNT}}</td></tr>
{{/LINE}}</tbody>
<tfoot><tr><th scope="row" colspan="2" class="num">Usage charges for {{MONTH_LABEL}}</th><td class="num"><strong>{{USAGE_TOTAL}}</strong></td></tr></tfoot>
</table>{{/HAS_LINES}}
{{#NO_LINES}}<p class="empty">No usage charges at {{SITE_NAME}} in {{MONTH_LABEL}}.</p>{{/NO_LINES}}
{{#TRAFFIC}}<p class="hint">Bandwidth: 95th percentile {{P95}} Mbps over {{SAMPLES}} five-minute samples; {{BURST}} Mbps above the committed rate.</p>{{/TRAFFIC}}
<p class="hint">Each call is rounded half up to the penny once; the lines are the sums of their calls. Allowances are used in call order. {{FREE_CALLS}} internal or received calls are free.{{#HAS_UNRATED}} {{UNRATED_CALLS}} calls were not charged: no tariff or no rate applied.{{/HAS_UNRATED}}</p>
<header class="section-head">
<h3 id="calls">Itemised calls ({{NCALLS}})</h3>
<a class="button" href="{{BASE}}/calls.csv?month={{MONTH}}">Download CSV</a>
</header>
{{#HAS_CALLS}}<table class="grid usage-calls">
<thead><tr><th scope="col">Start</th><th scope="col">From</th><th scope="col">To</th><th scope="col">Dir.</th><th scope="col" class="num">Duration</th><th scope="col">Group</th><th scope="col" class="num">Billed</th><th scope="col" class="num">Included</th><th scope="col" class="num">Rate</th><th scope="col" class="num">Amount</th></tr></thead>
<tbody>
{{#CALL}}<tr><td class="nowrap" data-label="Start">{{START}}</td><td class="nowrap" data-label="From">{{CALLING}}</td><td class="nowrap" data-label="To">{{CALLED}}</td><td data-label="Dir.">{{DIR}}</td><td class="num" data-label="Duration">{{DURATION}}</td><td data-label="Group">{{WHAT}}</td><td class="num" data-label="Billed">{{BILLED}}</td><td class="num" data-label="Included">{{INCLUDED}}</td><td class="num" data-label="Rate">{{RATE}}</td><td class="num" data-label="Amount">{{AMOUNT}}</td></tr>
{{/CALL}}</tbody>
<tfoot><tr><th scope="row" colspan="9" class="num">All {{NCALLS}} calls of {{MONTH_LABEL}}</th><td class="num"><strong>{{CALLS_AMOUNT}}</strong></td></tr></tfoot>
</table>
<nav class="pager" aria-label="Pages of calls">{{#PREV_PAGE}}<a href="?month={{MONTH}}&amp;page={{N}}#calls" rel="prev">← Previous</a>{{/PREV_PAGE}}<span>Page {{PAGE}} of {{PAGES}}</span>{{#NEXT_PAGE}}<a href="?month={{MONTH}}&amp;page={{N}}#calls" rel="next">Next →</a>{{/NEXT_PAGE}}</nav>{{/HAS_CALLS}}
{{#NO_CALLS}}<p class="empty">No calls at {{SITE_NAME}} in {{MONTH_LABEL}}.</p>{{/NO_CALLS}}
</section>
