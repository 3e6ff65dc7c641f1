{{%AUTOESCAPE context="HTML"}}<header class="page-head"><div><p class="crumbs"><a href="/reports">Reports</a></p>
<h1>Occupier Service Charges — {{MONTH_LABEL}}</h1></div>
<form class="filters" method="get" action="/reports/charges">
<a href="?month={{PREV_MONTH}}" rel="prev">← Previous</a>
<label for="f-month">Month</label><input id="f-month" name="month" type="month" value="{{MONTH}}" required>
<button type="submit">Show</button>
<a href="?month={{NEXT_MONTH}}" rel="next">Next →</a>
{{#CSV_LINK}}<a class="button" href="/reports/charges.csv?month={{MONTH}}">Download CSV</a>{{/CSV_LINK}}{{#DRAFT_LINK}}<a class="button" href="/reports/charges.csv?month={{MONTH}}" download>Download month-to-date draft (CSV)</a>{{/DRAFT_LINK}}
</form></header>
<p class="hint">Every occupier's charges for the month, prorated by day and rounded half-up to the penny once per line. A service is charged from the day it starts to the day before it is removed: the day a service is removed is not charged. A month's charges are what was in force during that month: later changes never alter them.</p>
{{#NOT_COMPLETE}}<div class="notice" role="alert">{{MONTH_LABEL}} has not ended yet. Choose a complete month: the report covers months that have ended.{{#DRAFT_LINK}} A draft of this month to date is offered as a CSV, marked as a draft.{{/DRAFT_LINK}}</div>{{/NOT_COMPLETE}}
{{#HAS_ROWS}}<table class="grid charges">
<caption>Occupiers {{FIRST_OCCUPIER}} to {{LAST_OCCUPIER}}, {{PAGE_LINES}} lines on this page ({{PER_PAGE}} occupiers a page)</caption>
<thead><tr><th scope="col">Occupier</th><th scope="col">Site</th><th scope="col">Service</th><th scope="col">From</th><th scope="col">To</th><th scope="col" class="num">Days</th><th scope="col" class="num">Unit price</th><th scope="col" class="num">QTY</th><th scope="col" class="num">Amount</th></tr></thead>
<tbody>
{{#ROW}}<tr><td data-label="Occupier"><a href="/occupiers/{{OCC_ID}}/sites/{{SITE_ID}}/charges?month={{MONTH}}">{{OCCUPIER}}</a></td><td data-label="Site">{{SITE}}</td><td data-label="Service">{{SERVICE}}</td><td data-label="From">{{FROM}}</td><td data-label="To">{{TO}}</td><td class="num" data-label="Days">{{DAYS}}</td><td class="num" data-label="Unit price">{{PRICE}}</td><td class="num" data-label="QTY">{{QTY}}</td><td class="num" data-label="Amount">{{AMOUNT}}</td></tr>
{{#SUBTOTAL}}<tr class="subtotal"><th scope="row" colspan="8" class="num">{{OCCUPIER}}</th><td class="num"><strong>{{AMOUNT}}</strong></td></tr>
{{/SUBTOTAL}}{{/ROW}}</tbody>
<tfoot><tr><th scope="row" colspan="8" class="num">Total ({{NLINES}} lines)</th><td class="num"><strong>{{TOTAL}}</strong></td></tr></tfoot>
</table>
{{#PAGER}}<nav class="pager" aria-label="Pages of occupiers">{{#PREV}}<a rel="prev" class="page-prev" href="/reports/charges?month={{MONTH}}&amp;per={{PER_PAGE}}&amp;before={{KEY}}">← Previous occupiers</a>{{/PREV}} {{#NEXT}}<a rel="next" class="page-next" href="/reports/charges?month={{MONTH}}&amp;per={{PER_PAGE}}&amp;after={{KEY}}">Next occupiers →</a>{{/NEXT}}</nav>{{/PAGER}}
<table class="grid totals">
<caption>{{MONTH_LABEL}} in all: {{NOCCUPIERS}} {{OCC_NOUN}} charged, {{NLINES}} lines</caption>
<thead><tr><th scope="col">Site</th><th scope="col" class="num">Occupiers</th><th scope="col" class="num">Lines</th><th scope="col" class="num">Amount</th></tr></thead>
<tbody>
{{#SITE_TOTAL}}<tr><td data-label="Site">{{SITE}}</td><td class="num" data-label="Occupiers">{{NOCCUPIERS}}</td><td class="num" data-label="Lines">{{NLINES}}</td><td class="num" data-label="Amount">{{AMOUNT}}</td></tr>
{{/SITE_TOTAL}}</tbody>
</table>{{/HAS_ROWS}}
{{#EMPTY}}<div class="empty"><p>It is empty here: nothing was charged in {{MONTH_LABEL}}.</p></div>{{/EMPTY}}
{{#PAST_END}}<div class="empty"><p>No more occupiers were charged in {{MONTH_LABEL}} on this side. <a href="/reports/charges?month={{MONTH}}">Back to the first page</a>.</p></div>{{/PAST_END}}
