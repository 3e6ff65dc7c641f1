{{%AUTOESCAPE context="HTML"}}<header class="page-head">
<div>
<p class="crumbs"><a href="/occupiers">Occupiers</a>{{#EDITING}} › <a href="/occupiers/{{OCC_ID}}">{{OCC_NAME}}</a>{{/EDITING}}</p>
<h1>{{#CREATING}}New occupier{{/CREATING}}{{#EDITING}}Edit occupier{{/EDITING}}</h1>
</div>
</header>
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors"><p>Please correct the following:</p>{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
{{#CONFLICT}}<div class="card conflict"><h2>Current details</h2>
<dl><dt>Name</dt><dd>{{CUR_NAME}}</dd><dt>Billing reference</dt><dd>{{CUR_BILLING_REF}}</dd><dt>Billing contact email</dt><dd>{{CUR_EMAIL}}</dd><dt>Notes</dt><dd class="pre">{{CUR_NOTES:pre_escape}}</dd></dl></div>{{/CONFLICT}}
<form class="card form" method="post" action="{{ACTION}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{F_VERSION}}">
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
<div class="field{{#F_CONTACT_EMAIL_INVALID}} invalid{{/F_CONTACT_EMAIL_INVALID}}">
<label for="f-contact_email">Billing contact email</label>
<input id="f-contact_email" name="contact_email" type="email" maxlength="254" value="{{F_CONTACT_EMAIL}}"{{#F_CONTACT_EMAIL_INVALID}} aria-invalid="true" aria-describedby="e-contact_email"{{/F_CONTACT_EMAIL_INVALID}}>
{{#F_CONTACT_EMAIL_INVALID}}<p class="err" id="e-contact_email">{{F_CONTACT_EMAIL_ERR}}</p>{{/F_CONTACT_EMAIL_INVALID}}
</div>
<div class="field{{#F_NOTES_INVALID}} invalid{{/F_NOTES_INVALID}}">
<label for="f-notes">Notes</label>
<textarea id="f-notes" name="notes" rows="4" maxlength="4000"{{#F_NOTES_INVALID}} aria-invalid="true" aria-describedby="e-notes"{{/F_NOTES_INVALID}}>{{F_NOTES:pre_escape}}</textarea>
{{#F_NOTES_INVALID}}<p class="err" id="e-notes">{{F_NOTES_ERR}}</p>{{/F_NOTES_INVALID}}
</div>
<div class="buttons">
<button type="submit" class="primary">{{#CREATING}}Create occupier{{/CREATING}}{{#EDITING}}Save changes{{/EDITING}}</button>
<a href="{{#EDITING}}/occupiers/{{OCC_ID}}{{/EDITING}}{{#CREATING}}/occupiers{{/CREATING}}">Cancel</a>
</div>
</form>
