{{%AUTOESCAPE context="HTML"}}<header class="page-head">
<div>
<p class="crumbs"><a href="/sites">Sites</a> › <a href="/sites/{{SITE_ID}}">{{SITE_NAME}}</a> › <a href="/sites/{{SITE_ID}}/telephony">Telephony</a></p>
<h1>Add phone numbers</h1>
</div>
</header>
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors"><p>Please correct the following:</p>{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
<form class="card form" method="post" action="/sites/{{SITE_ID}}/numbers/new" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<p class="hint">A range of numbers for the pool of {{SITE_NAME}}, or one number (leave To empty), available from now on. No number may already be in any site's pool.</p>
<div class="field{{#F_FROM_INVALID}} invalid{{/F_FROM_INVALID}}">
<label for="f-from">From <span class="req">(required)</span></label>
<input id="f-from" name="from" type="text" maxlength="32" required placeholder="+44 1632 960000" value="{{F_FROM}}"{{#F_FROM_INVALID}} aria-invalid="true" aria-describedby="e-from"{{/F_FROM_INVALID}}>
{{#F_FROM_INVALID}}<p class="err" id="e-from">{{F_FROM_ERR}}</p>{{/F_FROM_INVALID}}
</div>
<div class="field{{#F_TO_INVALID}} invalid{{/F_TO_INVALID}}">
<label for="f-to">To</label>
<input id="f-to" name="to" type="text" maxlength="32" placeholder="0299" value="{{F_TO}}" aria-describedby="h-to{{#F_TO_INVALID}} e-to{{/F_TO_INVALID}}"{{#F_TO_INVALID}} aria-invalid="true"{{/F_TO_INVALID}}>
<p class="hint" id="h-to">The last number, whole or its last digits; at most 1000 numbers. Empty: only the From number.</p>
{{#F_TO_INVALID}}<p class="err" id="e-to">{{F_TO_ERR}}</p>{{/F_TO_INVALID}}
</div>
<div class="field">
<label class="check"><input type="checkbox" name="ported_in" value="1"{{#PORTED_IN}} checked{{/PORTED_IN}}> Ported in from another provider</label>
<p class="hint">The Telephony list marks these numbers “Ported in”.</p>
</div>
<div class="buttons">
<button type="submit" class="primary">Add numbers</button>
<a href="/sites/{{SITE_ID}}/telephony">Cancel</a>
</div>
</form>
