{{%AUTOESCAPE context="HTML"}}<header class="page-head"><div><p class="crumbs"><a href="/catalog">Catalog</a></p><h1>Billing codes</h1>
<p class="sub">The VAT rate of each service and the codes its invoice lines carry into Xero, QuickBooks Online and Sage 50. Empty: the default shown (the tax code of the rate; the account codes of the <a href="/invoices/settings">invoice settings</a>).</p></div></header>
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors"><p>Nothing was saved:</p>{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
<form method="post" action="/catalog/billing" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<table class="grid billing-codes">
<thead><tr><th scope="col">Service</th><th scope="col">VAT</th><th scope="col">Xero account</th><th scope="col">Xero tax rate</th><th scope="col">QuickBooks item</th><th scope="col">QuickBooks tax</th><th scope="col">Sage nominal</th><th scope="col">Sage tax</th></tr></thead>
<tbody>
{{#SVC}}<tr><th scope="row"><a href="/catalog/{{ID}}">{{NAME}}</a><br><small class="muted">{{CATEGORY}}</small></th>
<td>{{#RATE_EDIT}}<label class="sr" for="vat-{{ID}}">VAT rate of {{NAME}}</label><select id="vat-{{ID}}" name="vat_{{ID}}">{{#RATE_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/RATE_OPT}}</select>{{/RATE_EDIT}}{{#RATE_SHOW}}{{RATE_LABEL}}{{/RATE_SHOW}}</td>
{{#CODE}}<td{{#INVALID}} class="invalid"{{/INVALID}}>{{#EDIT}}<label class="sr" for="{{KEY}}">{{LABEL}} of {{NAME}}</label><input id="{{KEY}}" name="{{KEY}}" value="{{VALUE}}" maxlength="{{CAP}}" size="10" placeholder="{{PLACEHOLDER}}"{{#INVALID}} aria-invalid="true"{{/INVALID}}>{{/EDIT}}{{#SHOW}}{{VALUE}}{{/SHOW}}</td>{{/CODE}}
</tr>
{{/SVC}}</tbody>
</table>
{{#CAN_EDIT}}<div class="buttons"><button type="submit" class="primary">Save billing codes</button></div>{{/CAN_EDIT}}
</form>
