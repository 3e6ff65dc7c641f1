{{%AUTOESCAPE context="HTML"}}<header class="page-head">
<div>
<p class="crumbs"><a href="/occupiers">Occupiers</a>{{#EDITING}} › <a href="/occupiers/{{OCC_ID}}">{{OCC_NAME}}</a>{{/EDITING}}</p>
<h1>{{#CREATING}}New occupier{{/CREATING}}{{#EDITING}}Edit occupier{{/EDITING}}</h1>
</div>
</header>
{{#STEPS}}<ol class="steps" aria-label="Move-in"><li aria-current="step">1 Occupier</li><li>2 Site and contract</li><li>3 Services</li></ol>{{/STEPS}}
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors"><p>Please correct the following:</p>{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
{{#CONFLICT}}<div class="card conflict"><h2>Current details</h2>
<dl><dt>Name</dt><dd>{{CUR_NAME}}</dd><dt>Billing reference</dt><dd>{{CUR_BILLING_REF}}</dd><dt>Billing contact email</dt><dd>{{CUR_EMAIL}}</dd><dt>Notes</dt><dd class="pre">{{CUR_NOTES:pre_escape}}</dd></dl></div>{{/CONFLICT}}
<form class="card form" method="post" action="{{ACTION}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{F_VERSION}}">
{{#MOVEIN}}<input type="hidden" name="movein" value="1">{{/MOVEIN}}
<div class="field{{#F_NAME_INVALID}} invalid{{/F_NAME_INVALID}}">
<label for="f-name">Name <span class="req">(required)</span></label>
<input id="f-name" name="name" type="text" maxlength="200" required value="{{F_NAME}}"{{#F_NAME_INVALID}} aria-invalid="true" aria-describedby="e-name"{{/F_NAME_INVALID}}>
{{#F_NAME_INVALID}}<p class="err" id="e-name">{{F_NAME_ERR}}</p>{{/F_NAME_INVALID}}
{{#SAME_NAME}}<label class="check warn"><input type="checkbox" name="same_name_ok" value="1"> Save anyway: this is not {{NAME}}</label>{{/SAME_NAME}}
</div>
<div class="field{{#F_BILLING_REF_INVALID}} invalid{{/F_BILLING_REF_INVALID}}">
<label for="f-billing_ref">Billing reference</label>
<input id="f-billing_ref" name="billing_ref" type="text" maxlength="64" value="{{F_BILLING_REF}}"{{#F_BILLING_REF_INVALID}} aria-invalid="true" aria-describedby="e-billing_ref"{{/F_BILLING_REF_INVALID}}>
{{#F_BILLING_REF_INVALID}}<p class="err" id="e-billing_ref">{{F_BILLING_REF_ERR}}</p>{{/F_BILLING_REF_INVALID}}
</div>
<fieldset><legend>Company</legend>
<div class="field{{#F_LEGAL_NAME_INVALID}} invalid{{/F_LEGAL_NAME_INVALID}}">
<label for="f-legal_name">Legal name</label>
<input id="f-legal_name" name="legal_name" type="text" maxlength="200" value="{{F_LEGAL_NAME}}"{{#F_LEGAL_NAME_INVALID}} aria-invalid="true" aria-describedby="e-legal_name"{{/F_LEGAL_NAME_INVALID}}>
{{#F_LEGAL_NAME_INVALID}}<p class="err" id="e-legal_name">{{F_LEGAL_NAME_ERR}}</p>{{/F_LEGAL_NAME_INVALID}}
</div>
<div class="field{{#F_COMPANY_NO_INVALID}} invalid{{/F_COMPANY_NO_INVALID}}">
<label for="f-company_no">Company number</label>
<p class="hint" id="h-company_no">e.g. 01234567 or SC123456</p>
<input id="f-company_no" name="company_no" type="text" maxlength="20" value="{{F_COMPANY_NO}}" aria-describedby="h-company_no{{#F_COMPANY_NO_INVALID}} e-company_no{{/F_COMPANY_NO_INVALID}}"{{#F_COMPANY_NO_INVALID}} aria-invalid="true"{{/F_COMPANY_NO_INVALID}}>
{{#F_COMPANY_NO_INVALID}}<p class="err" id="e-company_no">{{F_COMPANY_NO_ERR}}</p>{{/F_COMPANY_NO_INVALID}}
</div>
<div class="field{{#F_VAT_NUMBER_INVALID}} invalid{{/F_VAT_NUMBER_INVALID}}">
<label for="f-vat_number">VAT number</label>
<p class="hint" id="h-vat_number">GB and 9 or 12 digits, or an EU prefix, e.g. GB123456789</p>
<input id="f-vat_number" name="vat_number" type="text" maxlength="32" value="{{F_VAT_NUMBER}}" aria-describedby="h-vat_number{{#F_VAT_NUMBER_INVALID}} e-vat_number{{/F_VAT_NUMBER_INVALID}}"{{#F_VAT_NUMBER_INVALID}} aria-invalid="true"{{/F_VAT_NUMBER_INVALID}}>
{{#F_VAT_NUMBER_INVALID}}<p class="err" id="e-vat_number">{{F_VAT_NUMBER_ERR}}</p>{{/F_VAT_NUMBER_INVALID}}
</div>
<div class="field{{#F_BILLING_ADDRESS_INVALID}} invalid{{/F_BILLING_ADDRESS_INVALID}}">
<label for="f-billing_address">Billing address</label>
<textarea id="f-billing_address" name="billing_address" rows="3" maxlength="500"{{#F_BILLING_ADDRESS_INVALID}} aria-invalid="true" aria-describedby="e-billing_address"{{/F_BILLING_ADDRESS_INVALID}}>{{F_BILLING_ADDRESS:pre_escape}}</textarea>
{{#F_BILLING_ADDRESS_INVALID}}<p class="err" id="e-billing_address">{{F_BILLING_ADDRESS_ERR}}</p>{{/F_BILLING_ADDRESS_INVALID}}
</div>
</fieldset>
<fieldset><legend>Billing contacts</legend>
<div class="field{{#F_CONTACT_NAME_INVALID}} invalid{{/F_CONTACT_NAME_INVALID}}">
<label for="f-contact_name">Billing contact name</label>
<input id="f-contact_name" name="contact_name" type="text" maxlength="200" value="{{F_CONTACT_NAME}}"{{#F_CONTACT_NAME_INVALID}} aria-invalid="true" aria-describedby="e-contact_name"{{/F_CONTACT_NAME_INVALID}}>
{{#F_CONTACT_NAME_INVALID}}<p class="err" id="e-contact_name">{{F_CONTACT_NAME_ERR}}</p>{{/F_CONTACT_NAME_INVALID}}
</div>
<div class="field{{#F_CONTACT_EMAIL_INVALID}} invalid{{/F_CONTACT_EMAIL_INVALID}}">
<label for="f-contact_email">Billing contact email</label>
<input id="f-contact_email" name="contact_email" type="email" maxlength="254" value="{{F_CONTACT_EMAIL}}"{{#F_CONTACT_EMAIL_INVALID}} aria-invalid="true" aria-describedby="e-contact_email"{{/F_CONTACT_EMAIL_INVALID}}>
{{#F_CONTACT_EMAIL_INVALID}}<p class="err" id="e-contact_email">{{F_CONTACT_EMAIL_ERR}}</p>{{/F_CONTACT_EMAIL_INVALID}}
</div>
<div class="field{{#F_CONTACT2_NAME_INVALID}} invalid{{/F_CONTACT2_NAME_INVALID}}">
<label for="f-contact2_name">Name of billing contact 2</label>
<input id="f-contact2_name" name="contact2_name" type="text" maxlength="200" value="{{F_CONTACT2_NAME}}"{{#F_CONTACT2_NAME_INVALID}} aria-invalid="true" aria-describedby="e-contact2_name"{{/F_CONTACT2_NAME_INVALID}}>
{{#F_CONTACT2_NAME_INVALID}}<p class="err" id="e-contact2_name">{{F_CONTACT2_NAME_ERR}}</p>{{/F_CONTACT2_NAME_INVALID}}
</div>
<div class="field{{#F_CONTACT2_EMAIL_INVALID}} invalid{{/F_CONTACT2_EMAIL_INVALID}}">
<label for="f-contact2_email">E-mail of billing contact 2</label>
<input id="f-contact2_email" name="contact2_email" type="email" maxlength="254" value="{{F_CONTACT2_EMAIL}}"{{#F_CONTACT2_EMAIL_INVALID}} aria-invalid="true" aria-describedby="e-contact2_email"{{/F_CONTACT2_EMAIL_INVALID}}>
{{#F_CONTACT2_EMAIL_INVALID}}<p class="err" id="e-contact2_email">{{F_CONTACT2_EMAIL_ERR}}</p>{{/F_CONTACT2_EMAIL_INVALID}}
</div>
<div class="field{{#F_CONTACT3_NAME_INVALID}} invalid{{/F_CONTACT3_NAME_INVALID}}">
<label for="f-contact3_name">Name of billing contact 3</label>
<input id="f-contact3_name" name="contact3_name" type="text" maxlength="200" value="{{F_CONTACT3_NAME}}"{{#F_CONTACT3_NAME_INVALID}} aria-invalid="true" aria-describedby="e-contact3_name"{{/F_CONTACT3_NAME_INVALID}}>
{{#F_CONTACT3_NAME_INVALID}}<p class="err" id="e-contact3_name">{{F_CONTACT3_NAME_ERR}}</p>{{/F_CONTACT3_NAME_INVALID}}
</div>
<div class="field{{#F_CONTACT3_EMAIL_INVALID}} invalid{{/F_CONTACT3_EMAIL_INVALID}}">
<label for="f-contact3_email">E-mail of billing contact 3</label>
<input id="f-contact3_email" name="contact3_email" type="email" maxlength="254" value="{{F_CONTACT3_EMAIL}}"{{#F_CONTACT3_EMAIL_INVALID}} aria-invalid="true" aria-describedby="e-contact3_email"{{/F_CONTACT3_EMAIL_INVALID}}>
{{#F_CONTACT3_EMAIL_INVALID}}<p class="err" id="e-contact3_email">{{F_CONTACT3_EMAIL_ERR}}</p>{{/F_CONTACT3_EMAIL_INVALID}}
</div>
</fieldset>
<div class="field{{#F_NOTES_INVALID}} invalid{{/F_NOTES_INVALID}}">
<label for="f-notes">Notes</label>
<textarea id="f-notes" name="notes" rows="4" maxlength="4000"{{#F_NOTES_INVALID}} aria-invalid="true" aria-describedby="e-notes"{{/F_NOTES_INVALID}}>{{F_NOTES:pre_escape}}</textarea>
{{#F_NOTES_INVALID}}<p class="err" id="e-notes">{{F_NOTES_ERR}}</p>{{/F_NOTES_INVALID}}
</div>
<div class="buttons">
<button type="submit" class="primary">{{#CREATING}}Create occupier and continue{{/CREATING}}{{#EDITING}}Save changes{{/EDITING}}</button>
<a href="{{#EDITING}}/occupiers/{{OCC_ID}}{{/EDITING}}{{#CREATING}}/occupiers{{/CREATING}}">Cancel</a>
</div>
</form>
