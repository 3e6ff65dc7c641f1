{{%AUTOESCAPE context="HTML"}}<header class="page-head"><div><p class="crumbs"><a href="/invoices">Invoices</a></p><h1>Export to an accounting system</h1></div></header>
{{#DONE}}<p class="flash" role="status">The export is made and its documents are marked exported. <a href="/invoices/exports/{{ID}}">Download export {{ID}}</a></p>{{/DONE}}
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors"><p>Nothing was exported:</p>{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
<form class="card form" method="post" action="/invoices/export" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<p>The invoices and credit notes issued in the months chosen, one row per line, with the account and tax codes of each catalog service (<a href="/catalog/billing">Billing codes</a>). A document goes into one export only, unless you ask to export it again.</p>
<fieldset class="field{{#F_FORMAT_INVALID}} invalid{{/F_FORMAT_INVALID}}" id="f-format"><legend>Accounting system</legend>
{{#FORMAT_OPT}}<label class="check"><input type="radio" name="format" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>{{/FORMAT_OPT}}
<p class="hint">QuickBooks Online's invoice import takes invoices only: enter credit notes there as credit memos.</p>
</fieldset>
<div class="row2">
<div class="field"><label for="f-from">From (month of issue)</label><input id="f-from" name="from" type="month" value="{{F_FROM}}"></div>
<div class="field"><label for="f-to">To</label><input id="f-to" name="to" type="month" value="{{F_TO}}"></div>
</div>
<label class="check"><input type="checkbox" name="again" value="1"{{#AGAIN}} checked{{/AGAIN}}> Export again documents exported before</label>
<div class="buttons"><button type="submit" class="primary">Make the export</button></div>
</form>
<h2>Exports</h2>
{{#HAS_EXPORTS}}<table class="grid exports">
<thead><tr><th scope="col">Export</th><th scope="col">System</th><th scope="col">Months</th><th scope="col" class="num">Documents</th><th scope="col">Made</th></tr></thead>
<tbody>{{#EXPORT}}<tr><td data-label="Export"><a href="/invoices/exports/{{ID}}">Export {{ID}} (CSV)</a></td><td data-label="System">{{FORMAT}}</td><td data-label="Months">{{MONTHS}}</td><td class="num" data-label="Documents">{{DOCS}}</td><td data-label="Made">{{AT}} by {{BY}}</td></tr>
{{/EXPORT}}</tbody></table>{{/HAS_EXPORTS}}
{{#NO_EXPORTS}}<div class="empty"><p>No export yet.</p></div>{{/NO_EXPORTS}}
