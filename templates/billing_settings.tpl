{{%AUTOESCAPE context="HTML"}}<header class="page-head"><div><p class="crumbs"><a href="/invoices">Invoices</a></p><h1>Invoice settings</h1></div></header>
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors"><p>Nothing was saved:</p>{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
{{#READ_ONLY}}<p class="notice">Only an operator admin changes these settings.</p>{{/READ_ONLY}}
<form class="card form" method="post" action="/invoices/settings" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{F_VERSION}}">
<h2>The seller, as printed</h2>
<div class="field{{#F_LEGAL_NAME_INVALID}} invalid{{/F_LEGAL_NAME_INVALID}}"><label for="f-legal_name">Name on invoices <span class="req">(required)</span></label>
<input id="f-legal_name" name="legal_name" maxlength="200" value="{{F_LEGAL_NAME}}"{{#F_LEGAL_NAME_INVALID}} aria-invalid="true" aria-describedby="e-legal_name"{{/F_LEGAL_NAME_INVALID}}>
{{#F_LEGAL_NAME_INVALID}}<p class="err" id="e-legal_name">{{F_LEGAL_NAME_ERR}}</p>{{/F_LEGAL_NAME_INVALID}}</div>
<div class="field{{#F_ADDRESS_INVALID}} invalid{{/F_ADDRESS_INVALID}}"><label for="f-address">Address (one line per line)</label>
<textarea id="f-address" name="address" rows="4" maxlength="500"{{#F_ADDRESS_INVALID}} aria-invalid="true" aria-describedby="e-address"{{/F_ADDRESS_INVALID}}>{{F_ADDRESS:pre_escape}}</textarea>
{{#F_ADDRESS_INVALID}}<p class="err" id="e-address">{{F_ADDRESS_ERR}}</p>{{/F_ADDRESS_INVALID}}</div>
<div class="row2">
<div class="field{{#F_VAT_NUMBER_INVALID}} invalid{{/F_VAT_NUMBER_INVALID}}"><label for="f-vat_number">VAT registration number</label>
<input id="f-vat_number" name="vat_number" maxlength="32" value="{{F_VAT_NUMBER}}"{{#F_VAT_NUMBER_INVALID}} aria-invalid="true" aria-describedby="e-vat_number"{{/F_VAT_NUMBER_INVALID}}>
{{#F_VAT_NUMBER_INVALID}}<p class="err" id="e-vat_number">{{F_VAT_NUMBER_ERR}}</p>{{/F_VAT_NUMBER_INVALID}}</div>
<div class="field{{#F_EMAIL_INVALID}} invalid{{/F_EMAIL_INVALID}}"><label for="f-email">Accounts email</label>
<input id="f-email" name="email" type="email" maxlength="254" value="{{F_EMAIL}}"{{#F_EMAIL_INVALID}} aria-invalid="true" aria-describedby="e-email"{{/F_EMAIL_INVALID}}>
{{#F_EMAIL_INVALID}}<p class="err" id="e-email">{{F_EMAIL_ERR}}</p>{{/F_EMAIL_INVALID}}</div>
</div>
<div class="field{{#F_PAYMENT_DETAILS_INVALID}} invalid{{/F_PAYMENT_DETAILS_INVALID}}"><label for="f-payment_details">How to pay (bank, sort code, account)</label>
<textarea id="f-payment_details" name="payment_details" rows="3" maxlength="500"{{#F_PAYMENT_DETAILS_INVALID}} aria-invalid="true" aria-describedby="e-payment_details"{{/F_PAYMENT_DETAILS_INVALID}}>{{F_PAYMENT_DETAILS:pre_escape}}</textarea>
{{#F_PAYMENT_DETAILS_INVALID}}<p class="err" id="e-payment_details">{{F_PAYMENT_DETAILS_ERR}}</p>{{/F_PAYMENT_DETAILS_INVALID}}</div>
<h2>Numbers and terms</h2>
<div class="row2">
<div class="field{{#F_INVOICE_PREFIX_INVALID}} invalid{{/F_INVOICE_PREFIX_INVALID}}"><label for="f-invoice_prefix">Invoice number prefix</label>
<input id="f-invoice_prefix" name="invoice_prefix" maxlength="16" value="{{F_INVOICE_PREFIX}}"{{#F_INVOICE_PREFIX_INVALID}} aria-invalid="true" aria-describedby="e-invoice_prefix"{{/F_INVOICE_PREFIX_INVALID}}>
{{#F_INVOICE_PREFIX_INVALID}}<p class="err" id="e-invoice_prefix">{{F_INVOICE_PREFIX_ERR}}</p>{{/F_INVOICE_PREFIX_INVALID}}</div>
<div class="field{{#F_CREDIT_PREFIX_INVALID}} invalid{{/F_CREDIT_PREFIX_INVALID}}"><label for="f-credit_prefix">Credit note number prefix</label>
<input id="f-credit_prefix" name="credit_prefix" maxlength="16" value="{{F_CREDIT_PREFIX}}"{{#F_CREDIT_PREFIX_INVALID}} aria-invalid="true" aria-describedby="e-credit_prefix"{{/F_CREDIT_PREFIX_INVALID}}>
{{#F_CREDIT_PREFIX_INVALID}}<p class="err" id="e-credit_prefix">{{F_CREDIT_PREFIX_ERR}}</p>{{/F_CREDIT_PREFIX_INVALID}}</div>
</div>
<div class="field{{#F_TERMS_DAYS_INVALID}} invalid{{/F_TERMS_DAYS_INVALID}}"><label for="f-terms_days">Payment terms: days from issue to due (an occupier's own terms win)</label>
<input id="f-terms_days" name="terms_days" inputmode="numeric" size="4" value="{{F_TERMS_DAYS}}"{{#F_TERMS_DAYS_INVALID}} aria-invalid="true" aria-describedby="e-terms_days"{{/F_TERMS_DAYS_INVALID}}>
{{#F_TERMS_DAYS_INVALID}}<p class="err" id="e-terms_days">{{F_TERMS_DAYS_ERR}}</p>{{/F_TERMS_DAYS_INVALID}}</div>
<h2>Accounting codes of lines without a catalog service (one-off lines, discounts)</h2>
<div class="row2">
<div class="field{{#F_XERO_ACCOUNT_INVALID}} invalid{{/F_XERO_ACCOUNT_INVALID}}"><label for="f-xero_account">Xero account code</label><input id="f-xero_account" name="xero_account" maxlength="16" value="{{F_XERO_ACCOUNT}}"{{#F_XERO_ACCOUNT_INVALID}} aria-invalid="true" aria-describedby="e-xero_account"{{/F_XERO_ACCOUNT_INVALID}}>{{#F_XERO_ACCOUNT_INVALID}}<p class="err" id="e-xero_account">{{F_XERO_ACCOUNT_ERR}}</p>{{/F_XERO_ACCOUNT_INVALID}}</div>
<div class="field{{#F_QBO_ITEM_INVALID}} invalid{{/F_QBO_ITEM_INVALID}}"><label for="f-qbo_item">QuickBooks product/service</label><input id="f-qbo_item" name="qbo_item" maxlength="100" value="{{F_QBO_ITEM}}"{{#F_QBO_ITEM_INVALID}} aria-invalid="true" aria-describedby="e-qbo_item"{{/F_QBO_ITEM_INVALID}}>{{#F_QBO_ITEM_INVALID}}<p class="err" id="e-qbo_item">{{F_QBO_ITEM_ERR}}</p>{{/F_QBO_ITEM_INVALID}}</div>
</div>
<div class="field{{#F_SAGE_NOMINAL_INVALID}} invalid{{/F_SAGE_NOMINAL_INVALID}}"><label for="f-sage_nominal">Sage nominal code</label><input id="f-sage_nominal" name="sage_nominal" maxlength="8" size="8" value="{{F_SAGE_NOMINAL}}"{{#F_SAGE_NOMINAL_INVALID}} aria-invalid="true" aria-describedby="e-sage_nominal"{{/F_SAGE_NOMINAL_INVALID}}>{{#F_SAGE_NOMINAL_INVALID}}<p class="err" id="e-sage_nominal">{{F_SAGE_NOMINAL_ERR}}</p>{{/F_SAGE_NOMINAL_INVALID}}</div>
{{#CAN_EDIT}}<div class="buttons"><button type="submit" class="primary">Save settings</button></div>{{/CAN_EDIT}}
</form>
