{{%AUTOESCAPE context="HTML"}}<header class="page-head"><h1>Invoices</h1>
<div class="actions"><a class="button primary" href="/invoices/runs">Bill run</a> <a class="button" href="/invoices/export">Export</a> <a class="button" href="/invoices/settings">Invoice settings</a></div>
</header>
{{#NOTICE}}<p class="flash" role="status">{{TEXT}}</p>{{/NOTICE}}
<form class="filters" method="get" action="/invoices">
<label for="f-status">Status</label><select id="f-status" name="status">{{#STATUS_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATUS_OPT}}</select>
<label for="f-month">Month billed</label><input id="f-month" name="month" type="month" value="{{MONTH}}">
{{#RUN}}<input type="hidden" name="run" value="{{RUN_ID}}"><span>Bill run {{RUN_ID}} (<a href="/invoices?status={{STATUS_KEY}}">all runs</a>)</span>{{/RUN}}
{{#OCC}}<input type="hidden" name="occupier" value="{{OCC_ID}}"><span>One occupier (<a href="/invoices?status={{STATUS_KEY}}">all</a>)</span>{{/OCC}}
<button type="submit">Show</button>
</form>
<p class="toolbar"><span class="count">{{COUNT}} documents · net {{SUM_NET}} · VAT {{SUM_VAT}} · gross {{SUM_GROSS}}</span></p>
{{#HAS_ROWS}}<table class="grid invoices">
<thead><tr><th scope="col">Number</th><th scope="col">Occupier</th><th scope="col">Period</th><th scope="col">Issued</th><th scope="col">Due</th><th scope="col" class="num">Net</th><th scope="col" class="num">VAT</th><th scope="col" class="num">Gross</th><th scope="col" class="num">Left to pay</th><th scope="col">Status</th></tr></thead>
<tbody>
{{#ROW}}<tr><td data-label="Number"><a href="{{HREF}}">{{NUMBER}}</a></td><td data-label="Occupier"><a href="/occupiers/{{OCC_ID}}/billing">{{OCCUPIER}}</a></td><td data-label="Period">{{PERIOD}} <small class="muted">{{MODE}}</small></td><td data-label="Issued">{{ISSUE}}</td><td data-label="Due">{{DUE}}</td><td class="num" data-label="Net">{{NET}}</td><td class="num" data-label="VAT">{{VAT}}</td><td class="num" data-label="Gross">{{GROSS}}</td><td class="num" data-label="Left to pay">{{DUE_AMOUNT}}</td><td data-label="Status"><span class="badge {{STATUS_KEY}}">{{STATUS}}</span>{{#EXPORTED}} <small class="muted">exported</small>{{/EXPORTED}}</td></tr>
{{/ROW}}</tbody>
</table>{{/HAS_ROWS}}
{{#EMPTY}}<div class="empty"><p>It is empty here: no invoice matches. A <a href="/invoices/runs">bill run</a> makes the drafts of a month.</p></div>{{/EMPTY}}
{{#PAGER}}<nav class="pager" aria-label="Pages">
{{#PREV}}<a rel="prev" href="/invoices?status={{STATUS_KEY}}&amp;month={{MONTH}}&amp;run={{RUN_Q}}&amp;occupier={{OCC_Q}}&amp;page={{N}}">← Previous</a>{{/PREV}}
<span>Page {{PAGE}} of {{PAGES}}</span>
{{#NEXT}}<a rel="next" href="/invoices?status={{STATUS_KEY}}&amp;month={{MONTH}}&amp;run={{RUN_Q}}&amp;occupier={{OCC_Q}}&amp;page={{N}}">Next →</a>{{/NEXT}}
</nav>{{/PAGER}}
