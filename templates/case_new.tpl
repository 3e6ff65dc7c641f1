{{%AUTOESCAPE context="HTML"}}<header class="page-head">
<div>
<p class="crumbs"><a href="/cases">Cases</a></p>
<h1>Raise a case</h1>
</div>
</header>
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors"><p>Please correct the following:</p>{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
<form class="card form" method="post" action="/cases/new" enctype="multipart/form-data" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="row2">
<div class="field{{#F_OCCUPIER_INVALID}} invalid{{/F_OCCUPIER_INVALID}}">
{{>OCC_PICK}} <span class="req">(required)</span>
{{#F_OCCUPIER_INVALID}}<p class="err" id="e-occupier">{{F_OCCUPIER_ERR}}</p>{{/F_OCCUPIER_INVALID}}
</div>
<div class="field{{#F_SITE_INVALID}} invalid{{/F_SITE_INVALID}}">
<label for="f-site">Site <span class="req">(required)</span></label>
<select id="f-site" name="site" required aria-describedby="h-site{{#F_SITE_INVALID}} e-site{{/F_SITE_INVALID}}"{{#F_SITE_INVALID}} aria-invalid="true"{{/F_SITE_INVALID}}>
<option value="">Choose a site…</option>
{{#SITE_OPT}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/SITE_OPT}}</select>
<p class="hint" id="h-site">The occupier must have a contract at this site.</p>
{{#F_SITE_INVALID}}<p class="err" id="e-site">{{F_SITE_ERR}}</p>{{/F_SITE_INVALID}}
</div>
</div>
<div class="field{{#F_SERVICE_INVALID}} invalid{{/F_SERVICE_INVALID}}">
<label for="f-service">Related service <span class="opt">(optional)</span></label>
<select id="f-service" name="service" aria-describedby="h-service{{#F_SERVICE_INVALID}} e-service{{/F_SERVICE_INVALID}}"{{#F_SERVICE_INVALID}} aria-invalid="true"{{/F_SERVICE_INVALID}}>
<option value="">None</option>
{{#SERVICE_GROUP}}<optgroup label="{{LABEL}}">
{{#SERVICE_OPT}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/SERVICE_OPT}}</optgroup>
{{/SERVICE_GROUP}}</select>
<p class="hint" id="h-service">{{#SERVICES_LATER}}Choose the occupier and the site to list its services.{{/SERVICES_LATER}}{{#SERVICES_MINE}}The occupier's services at this site{{#NO_SERVICES}}: none yet{{/NO_SERVICES}}.{{/SERVICES_MINE}}
<button type="submit" name="show" value="1" formnovalidate data-show-services>Show its services</button></p>
{{#F_SERVICE_INVALID}}<p class="err" id="e-service">{{F_SERVICE_ERR}}</p>{{/F_SERVICE_INVALID}}
</div>
<div class="field{{#F_SUBJECT_INVALID}} invalid{{/F_SUBJECT_INVALID}}">
<label for="f-subject">Subject <span class="req">(required)</span></label>
<input id="f-subject" name="subject" type="text" maxlength="200" required value="{{F_SUBJECT}}"{{#F_SUBJECT_INVALID}} aria-invalid="true" aria-describedby="e-subject"{{/F_SUBJECT_INVALID}}>
{{#F_SUBJECT_INVALID}}<p class="err" id="e-subject">{{F_SUBJECT_ERR}}</p>{{/F_SUBJECT_INVALID}}
</div>
<div class="field{{#F_DETAILS_INVALID}} invalid{{/F_DETAILS_INVALID}}">
<label for="f-details">Details <span class="req">(required)</span></label>
<textarea id="f-details" name="details" rows="10" maxlength="10000" required{{#F_DETAILS_INVALID}} aria-invalid="true" aria-describedby="e-details"{{/F_DETAILS_INVALID}}>{{F_DETAILS:pre_escape}}</textarea>
{{#F_DETAILS_INVALID}}<p class="err" id="e-details">{{F_DETAILS_ERR}}</p>{{/F_DETAILS_INVALID}}
</div>
<div class="row2">
<div class="field{{#F_PRIORITY_INVALID}} invalid{{/F_PRIORITY_INVALID}}">
<label for="f-priority">Priority</label>
<select id="f-priority" name="priority">
{{#PRIORITY_OPT}}<option value="{{KEY}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/PRIORITY_OPT}}</select>
{{#F_PRIORITY_INVALID}}<p class="err" id="e-priority">{{F_PRIORITY_ERR}}</p>{{/F_PRIORITY_INVALID}}
</div>
<div class="field{{#F_CATEGORY_INVALID}} invalid{{/F_CATEGORY_INVALID}}">
<label for="f-category">Category</label>
<select id="f-category" name="category">
{{#CATEGORY_OPT}}<option value="{{KEY}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/CATEGORY_OPT}}</select>
{{#F_CATEGORY_INVALID}}<p class="err" id="e-category">{{F_CATEGORY_ERR}}</p>{{/F_CATEGORY_INVALID}}
</div>
</div>
<div class="field{{#F_FILE_INVALID}} invalid{{/F_FILE_INVALID}}">
<label for="f-file">Attach a file <span class="muted">(optional; PDF, image, WAV, MP3 or text, up to 4 MiB)</span></label>
<input id="f-file" name="file" type="file" accept=".pdf,.png,.jpg,.jpeg,.gif,.wav,.mp3,.txt,.log,.csv"{{#F_FILE_INVALID}} aria-invalid="true" aria-describedby="e-file"{{/F_FILE_INVALID}}>
{{#F_FILE_INVALID}}<p class="err" id="e-file">{{F_FILE_ERR}}</p>{{/F_FILE_INVALID}}
</div>
<div class="buttons">
<button type="submit" class="primary">Raise case</button>
<a href="/cases">Cancel</a>
</div>
</form>
