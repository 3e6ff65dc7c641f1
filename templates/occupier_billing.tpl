{{%AUTOESCAPE context="HTML"}}<header class="page-head"><div><p class="crumbs"><a href="/occupiers">Occupiers</a> › <a href="/occupiers/{{OCC_ID}}">{{OCC_NAME}}</a></p><h1>{{OCC_NAME}}: billing</h1>
<p class="sub">Billing reference: {{BILLING_REF}} · billing contact: {{CONTACT_EMAIL}} (<a href="/occupiers/{{OCC_ID}}/edit">edit occupier</a>)</p></div></header>
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors"><p>Nothing was saved:</p>{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
<div class="two-col">
<form class="card form" method="post" action="/occupiers/{{OCC_ID}}/billing" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{F_VERSION}}">
<h2>Invoices are addressed to</h2>
<div class="field{{#F_BILLING_NAME_INVALID}} invalid{{/F_BILLING_NAME_INVALID}}"><label for="f-billing_name">Billing name (empty: {{OCC_NAME}})</label>
<input id="f-billing_name" name="billing_name" maxlength="200" value="{{F_BILLING_NAME}}"{{#F_BILLING_NAME_INVALID}} aria-invalid="true" aria-describedby="e-billing_name"{{/F_BILLING_NAME_INVALID}}>
{{#F_BILLING_NAME_INVALID}}<p class="err" id="e-billing_name">{{F_BILLING_NAME_ERR}}</p>{{/F_BILLING_NAME_INVALID}}</div>
<div class="field{{#F_BILLING_ADDRESS_INVALID}} invalid{{/F_BILLING_ADDRESS_INVALID}}"><label for="f-billing_address">Billing address (one line per line)</label>
<textarea id="f-billing_address" name="billing_address" rows="4" maxlength="500"{{#F_BILLING_ADDRESS_INVALID}} aria-invalid="true" aria-describedby="e-billing_address"{{/F_BILLING_ADDRESS_INVALID}}>{{F_BILLING_ADDRESS:pre_escape}}</textarea>
{{#F_BILLING_ADDRESS_INVALID}}<p class="err" id="e-billing_address">{{F_BILLING_ADDRESS_ERR}}</p>{{/F_BILLING_ADDRESS_INVALID}}</div>
<div class="row2">
<div class="field{{#F_VAT_NUMBER_INVALID}} invalid{{/F_VAT_NUMBER_INVALID}}"><label for="f-vat_number">VAT registration number</label>
<input id="f-vat_number" name="vat_number" maxlength="32" value="{{F_VAT_NUMBER}}"{{#F_VAT_NUMBER_INVALID}} aria-invalid="true" aria-describedby="e-vat_number"{{/F_VAT_NUMBER_INVALID}}>
{{#F_VAT_NUMBER_INVALID}}<p class="err" id="e-vat_number">{{F_VAT_NUMBER_ERR}}</p>{{/F_VAT_NUMBER_INVALID}}</div>
<div class="field{{#F_TERMS_DAYS_INVALID}} invalid{{/F_TERMS_DAYS_INVALID}}"><label for="f-terms_days">Payment terms in days (empty: {{DEFAULT_TERMS}})</label>
<input id="f-terms_days" name="terms_days" inputmode="numeric" size="4" value="{{F_TERMS_DAYS}}"{{#F_TERMS_DAYS_INVALID}} aria-invalid="true" aria-describedby="e-terms_days"{{/F_TERMS_DAYS_INVALID}}>
{{#F_TERMS_DAYS_INVALID}}<p class="err" id="e-terms_days">{{F_TERMS_DAYS_ERR}}</p>{{/F_TERMS_DAYS_INVALID}}</div>
</div>
<div class="buttons"><button type="submit" class="primary">Save billing details</button></div>
</form>
<section class="card">
<h2>Invoices</h2>
{{#HAS_ROWS}}<table class="grid invoices">
<thead><tr><th scope="col">Number</th><th scope="col">Period</th><th scope="col">Issued</th><th scope="col" class="num">Gross</th><th scope="col">Status</th></tr></thead>
<tbody>{{#ROW}}<tr><td data-label="Number"><a href="{{HREF}}">{{NUMBER}}</a></td><td data-label="Period">{{PERIOD}}</td><td data-label="Issued">{{ISSUE}}</td><td class="num" data-label="Gross">{{GROSS}}</td><td data-label="Status"><span class="badge {{STATUS_KEY}}">{{STATUS}}</span></td></tr>
{{/ROW}}</tbody></table>{{/HAS_ROWS}}
{{#EMPTY}}<p class="muted">No invoice yet.</p>{{/EMPTY}}
</section>
</div>
