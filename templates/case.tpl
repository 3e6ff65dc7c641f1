{{%AUTOESCAPE context="HTML"}}<header class="page-head">
<div>
<p class="crumbs"><a href="/cases">Cases</a> › Case {{ID}}</p>
<h1>{{SUBJECT}}</h1>
<p class="sub"><span class="badge {{STATUS_CLASS}}">{{STATUS_LABEL}}</span> Raised by {{RAISED_BY}} on <time datetime="{{RAISED_ISO}}">{{RAISED}}</time>{{#CLOSED}} · closed on <time datetime="{{CLOSED_ISO}}">{{CLOSED_AT}}</time>{{/CLOSED}}</p>
</div>
<div class="actions">
{{#MOVE}}<form class="inline" method="post" action="/cases/{{ID}}"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="op" value="{{OP}}">{{#TO}}<input type="hidden" name="to" value="{{KEY}}">{{/TO}}<button type="submit">{{LABEL}}</button></form>
{{/MOVE}}</div>
</header>
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors"><p>Please correct the following:</p>{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
<div class="two-col">
<section class="card">
<h2>Details</h2>
<dl class="facts">
<dt>Occupier</dt><dd><a href="/occupiers/{{OCC_ID}}">{{OCC_NAME}}</a></dd>
<dt>Site</dt><dd><a href="/sites/{{SITE_ID}}">{{SITE_NAME}}</a></dd>
<dt>Related service</dt><dd>{{#SERVICE}}<a href="/catalog/{{SERVICE_ID}}">{{SERVICE_NAME}}</a> <span class="muted">({{SERVICE_CATEGORY}})</span>{{/SERVICE}}{{#NO_SERVICE}}<span class="muted">None</span>{{/NO_SERVICE}}</dd>
<dt>Status</dt><dd>{{STATUS_LABEL}}</dd>
<dt>Priority</dt><dd>{{PRIORITY}}</dd>
<dt>Category</dt><dd>{{CATEGORY}}</dd>
<dt>Assignee</dt><dd>{{ASSIGNEE}}</dd>
<dt>SLA</dt><dd id="sla"><span class="badge {{SLA_CLASS}}">{{#SLA_BREACHED}}Breached: {{/SLA_BREACHED}}{{SLA_TEXT}}</span> <span class="muted">(business hours, {{TZ}})</span></dd>
</dl>
<div class="pre case-details">{{DETAILS:pre_escape}}</div>
{{#HAS_ATTACHMENTS}}<h3>Attachments</h3>
<ul class="attachments">{{#ATTACHMENT}}<li><a href="{{HREF}}" download>{{NAME}}</a> <span class="muted">{{SIZE}}, {{BY}}, <time datetime="{{AT_ISO}}">{{AT}}</time></span></li>{{/ATTACHMENT}}</ul>{{/HAS_ATTACHMENTS}}
<form class="form triage" method="post" action="/cases/{{ID}}" novalidate>
<h3>Triage</h3>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="op" value="triage">
<div class="field{{#F_ASSIGNEE_INVALID}} invalid{{/F_ASSIGNEE_INVALID}}">
<label for="f-assignee">Assignee</label>
<select id="f-assignee" name="assignee"><option value="">Unassigned</option>
{{#ASSIGNEE_OPT}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/ASSIGNEE_OPT}}</select>
</div>
<div class="field{{#F_PRIORITY_INVALID}} invalid{{/F_PRIORITY_INVALID}}">
<label for="f-priority">Priority</label>
<select id="f-priority" name="priority">
{{#PRIORITY_OPT}}<option value="{{KEY}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/PRIORITY_OPT}}</select>
</div>
<div class="field{{#F_CATEGORY_INVALID}} invalid{{/F_CATEGORY_INVALID}}">
<label for="f-category">Category</label>
<select id="f-category" name="category">
{{#CATEGORY_OPT}}<option value="{{KEY}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/CATEGORY_OPT}}</select>
</div>
<div class="buttons"><button type="submit">Save triage</button></div>
</form>
</section>
<section class="card conversation" aria-labelledby="conv-head">
<h2 id="conv-head">Conversation <small class="muted">({{NCOMMENTS}} {{COMMENTS_NOUN}})</small></h2>
{{#HAS_LINES}}<ol class="comments">
{{#LINE}}{{#PERSON}}<li class="comment" id="c{{ID}}"><p class="comment-head"><strong>{{AUTHOR}}</strong> <time class="muted" datetime="{{AT_ISO}}">{{AT}}</time></p><div class="pre">{{BODY:pre_escape}}</div></li>
{{/PERSON}}{{#SYSTEM}}<li class="system muted" id="c{{ID}}"><time datetime="{{AT_ISO}}">{{AT}}</time> — {{BODY}}</li>
{{/SYSTEM}}{{/LINE}}</ol>{{/HAS_LINES}}
{{#NO_LINES}}<p class="muted">No comments yet.</p>{{/NO_LINES}}
{{#CAN_COMMENT}}<form class="form" method="post" action="/cases/{{ID}}" enctype="multipart/form-data" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="op" value="comment">
{{#HAS_REPLIES}}<div class="field canned">
<label for="f-reply">Canned reply</label>
<select id="f-reply" class="js-only" data-fill="f-comment"><option value="">Start from a canned reply…</option>
{{#REPLY_OPT}}<option value="{{N}}" data-text="{{TEXT}}">{{LABEL}}</option>
{{/REPLY_OPT}}</select>
<p class="hint js-hide">Start from: {{#REPLY_OPT}}<a href="{{HREF}}">{{LABEL}}</a> {{/REPLY_OPT}}</p>
<p class="hint">Fill in its [bracketed] parts: a canned reply is not sent unchanged.</p>
</div>{{/HAS_REPLIES}}
<div class="field{{#F_COMMENT_INVALID}} invalid{{/F_COMMENT_INVALID}}">
<label for="f-comment">Add a comment</label>
<textarea id="f-comment" name="comment" rows="4" maxlength="10000" required{{#F_COMMENT_INVALID}} aria-invalid="true" aria-describedby="e-comment"{{/F_COMMENT_INVALID}}>{{F_COMMENT:pre_escape}}</textarea>
{{#F_COMMENT_INVALID}}<p class="err" id="e-comment">{{F_COMMENT_ERR}}</p>{{/F_COMMENT_INVALID}}
</div>
<div class="field{{#F_FILE_INVALID}} invalid{{/F_FILE_INVALID}}">
<label for="f-file">Attach a file <span class="muted">(optional; PDF, image, WAV, MP3 or text, up to 4 MiB)</span></label>
<input id="f-file" name="file" type="file" accept=".pdf,.png,.jpg,.jpeg,.gif,.wav,.mp3,.txt,.log,.csv"{{#F_FILE_INVALID}} aria-invalid="true" aria-describedby="e-file"{{/F_FILE_INVALID}}>
{{#F_FILE_INVALID}}<p class="err" id="e-file">{{F_FILE_ERR}}</p>{{/F_FILE_INVALID}}
</div>
<div class="buttons"><button type="submit" class="primary">Add comment</button></div>
</form>{{/CAN_COMMENT}}
{{#IS_CLOSED}}<div class="notice"><p>This case is closed. Reopen it to add a comment.</p>
{{#KEPT}}<p>Your comment was not saved; here it is to copy:</p><textarea id="f-comment" rows="4" readonly aria-label="Your comment (not saved)">{{TEXT:pre_escape}}</textarea>{{/KEPT}}
<form method="post" action="/cases/{{ID}}"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="op" value="reopen"><button type="submit">Reopen case</button></form>
</div>{{/IS_CLOSED}}
</section>
</div>
