{{%AUTOESCAPE context="HTML"}}<header class="page-head"><div><p class="crumbs"><a href="/reports">Reports</a></p>
<h1>Active services report</h1><p class="sub">Services active on {{TODAY}}, per site and service. Margin = price − cost.</p></div>
<div class="actions"><a class="button" href="/reports/active-services.csv?kind=summary">Summary CSV</a><a class="button" href="/reports/active-services.csv?kind=full">Full CSV</a></div></header>
{{#HAS_ROWS}}<table class="grid">
<caption>{{PER_PAGE}} rows a page</caption>
<thead><tr><th scope="col">Site</th><th scope="col">Service</th><th scope="col" class="num">QTY</th><th scope="col" class="num">Cost (unit)</th><th scope="col" class="num">RRP (unit)</th><th scope="col" class="num">Price (total)</th><th scope="col" class="num">Cost (total)</th><th scope="col" class="num">Margin</th></tr></thead>
<tbody>
{{#ROW}}<tr><td data-label="Site">{{SITE}}</td><td data-label="Service">{{SERVICE}}</td><td class="num" data-label="QTY">{{QTY}}</td><td class="num" data-label="Cost (unit)">{{COST}}</td><td class="num" data-label="RRP (unit)">{{RRP}}</td><td class="num" data-label="Price (total)">{{PRICE_TOTAL}}</td><td class="num" data-label="Cost (total)">{{COST_TOTAL}}</td><td class="num{{#NEGATIVE}} negative{{/NEGATIVE}}" data-label="Margin">{{MARGIN}}</td></tr>
{{/ROW}}</tbody>
<tfoot><tr><th scope="row" colspan="2">Total</th><td class="num">{{QTY}}</td><td></td><td></td><td class="num"><strong>{{PRICE_TOTAL}}</strong></td><td class="num">{{COST_TOTAL}}</td><td class="num"><strong>{{MARGIN}}</strong></td></tr></tfoot>
</table>
{{#PAGER}}<nav class="pager" aria-label="Pages of the report">{{#PREV}}<a rel="prev" class="page-prev" href="/reports/active-services?per={{PER_PAGE}}&amp;before_site={{SITE_ID}}&amp;before_service={{SERVICE_ID}}">← Previous rows</a>{{/PREV}} {{#NEXT}}<a rel="next" class="page-next" href="/reports/active-services?per={{PER_PAGE}}&amp;after_site={{SITE_ID}}&amp;after_service={{SERVICE_ID}}">Next rows →</a>{{/NEXT}}</nav>{{/PAGER}}
<table class="grid totals">
<caption>In all: {{NSERVICES}} active services in {{NGROUPS}} rows of site and service</caption>
<thead><tr><th scope="col">Site</th><th scope="col" class="num">Services</th><th scope="col" class="num">QTY</th><th scope="col" class="num">Price (total)</th><th scope="col" class="num">Cost (total)</th><th scope="col" class="num">Margin</th></tr></thead>
<tbody>
{{#SITE_TOTAL}}<tr><td data-label="Site">{{SITE}}</td><td class="num" data-label="Services">{{NSERVICES}}</td><td class="num" data-label="QTY">{{QTY}}</td><td class="num" data-label="Price (total)">{{PRICE_TOTAL}}</td><td class="num" data-label="Cost (total)">{{COST_TOTAL}}</td><td class="num" data-label="Margin">{{MARGIN}}</td></tr>
{{/SITE_TOTAL}}</tbody>
</table>{{/HAS_ROWS}}
{{#EMPTY}}<div class="empty"><p>It is empty here: no service is active.</p></div>{{/EMPTY}}
{{#PAST_END}}<div class="empty"><p>No more rows on this side. <a href="/reports/active-services">Back to the first page</a>.</p></div>{{/PAST_END}}
