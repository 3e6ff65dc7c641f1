{{%AUTOESCAPE context="HTML"}}<header class="page-head">
<div>
<p class="crumbs"><a href="/my/cases">Cases</a> › Case {{ID}}</p>
<h1>{{SUBJECT}}</h1>
<p class="sub"><span class="badge {{STATUS_CLASS}}">{{STATUS}}</span> Raised by {{RAISED_BY}} on <time datetime="{{RAISED_ISO}}">{{RAISED}}</time></p>
</div>
</header>
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors"><p>Please correct the following:</p>{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
<div class="two-col">
<section class="card">
<h2>Details</h2>
<dl class="facts">
<dt>Site</dt><dd>{{SITE_NAME}}</dd>
<dt>Related service</dt><dd>{{#SERVICE}}{{SERVICE_NAME}}{{/SERVICE}}{{#NO_SERVICE}}<span class="muted">None</span>{{/NO_SERVICE}}</dd>
<dt>Status</dt><dd>{{STATUS}}</dd>
<dt>Priority</dt><dd>{{PRIORITY}}</dd>
<dt>Category</dt><dd>{{CATEGORY}}</dd>
</dl>
<div class="pre case-details">{{DETAILS:pre_escape}}</div>
{{#HAS_ATTACHMENTS}}<h3>Attachments</h3>
<ul class="attachments">{{#ATTACHMENT}}<li><a href="{{HREF}}" download>{{NAME}}</a> <span class="muted">{{SIZE}}, {{BY}}, <time datetime="{{AT_ISO}}">{{AT}}</time></span></li>{{/ATTACHMENT}}</ul>{{/HAS_ATTACHMENTS}}
</section>
<section class="card conversation" aria-labelledby="conv-head">
<h2 id="conv-head">Conversation</h2>
{{#HAS_LINES}}<ol class="comments">
{{#LINE}}{{#PERSON}}<li class="comment" id="c{{ID}}"><p class="comment-head"><strong>{{AUTHOR}}</strong> <time class="muted" datetime="{{AT_ISO}}">{{AT}}</time></p><div class="pre">{{BODY:pre_escape}}</div></li>
{{/PERSON}}{{#SYSTEM}}<li class="system muted" id="c{{ID}}"><time datetime="{{AT_ISO}}">{{AT}}</time> — {{BODY}}</li>
{{/SYSTEM}}{{/LINE}}</ol>{{/HAS_LINES}}
{{#NO_LINES}}<p class="muted">No comments yet.</p>{{/NO_LINES}}
{{#CAN_COMMENT}}<form class="form" method="post" action="/my/cases/{{ID}}" enctype="multipart/form-data" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
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
{{#IS_CLOSED}}<div class="notice"><p>This case is closed. Ask your operator to reopen it if you need more help.</p></div>{{/IS_CLOSED}}
</section>
</div>
