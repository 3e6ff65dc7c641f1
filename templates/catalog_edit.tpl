{{%AUTOESCAPE context="HTML"}}<header class="page-head"><div>
<p class="crumbs"><a href="/catalog">Catalog</a></p>
<h1>{{NAME}}</h1><p class="sub">{{CATEGORY}} · code {{CODE}}{{#NEEDS_CASE}} · needs a case{{/NEEDS_CASE}}</p></div></header>
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors"><p>Nothing was saved:</p>{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
<div class="two-col">
<section class="card">
<h2>Service</h2>
<dl class="facts"><dt>Cost</dt><dd>{{COST}}</dd><dt>Entitles (per unit)</dt><dd>{{ENTITLES}}</dd>
{{#READ_ONLY}}<dt>RRP</dt><dd>{{RRP_SHOW}}</dd><dt>Description</dt><dd class="pre">{{DESCRIPTION_SHOW:pre_escape}}</dd><dt>Sites</dt><dd>{{#SITE}}{{#CHECKED}}<span class="chip">{{NAME}}</span> {{/CHECKED}}{{/SITE}}</dd>{{/READ_ONLY}}
</dl>
{{#CAN_EDIT}}<form method="post" action="/catalog/{{ID}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="op" value="save">
<div class="field{{#F_RRP_INVALID}} invalid{{/F_RRP_INVALID}}"><label for="f-rrp">RRP (per unit per month)</label>
<input id="f-rrp" name="rrp" inputmode="decimal" value="{{F_RRP}}"{{#F_RRP_INVALID}} aria-invalid="true" aria-describedby="e-rrp"{{/F_RRP_INVALID}}>
{{#F_RRP_INVALID}}<p class="err" id="e-rrp">{{F_RRP_ERR}}</p>{{/F_RRP_INVALID}}</div>
<div class="field{{#F_DESCRIPTION_INVALID}} invalid{{/F_DESCRIPTION_INVALID}}"><label for="f-description">Description (the tooltip in Available services)</label>
<textarea id="f-description" name="description" rows="3" maxlength="1000">{{F_DESCRIPTION:pre_escape}}</textarea>
{{#F_DESCRIPTION_INVALID}}<p class="err" id="e-description">{{F_DESCRIPTION_ERR}}</p>{{/F_DESCRIPTION_INVALID}}</div>
<fieldset class="field"><legend>Offered at</legend>
{{#SITE}}<label class="check"><input type="checkbox" name="site" value="{{ID}}"{{#CHECKED}} checked{{/CHECKED}}> {{NAME}}</label>{{/SITE}}
</fieldset>
<button type="submit" class="primary">Save service</button>
</form>{{/CAN_EDIT}}
</section>
<section class="card">
<h2>Rules</h2>
<ul class="rules-list">{{#RULE}}<li>{{TEXT}}{{#RULE_EDIT}} <form method="post" action="/catalog/{{ID}}" class="inline" data-confirm="{{CONFIRM}}" data-confirm-label="Delete the rule"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="op" value="delete_rule"><input type="hidden" name="rule" value="{{RULE_ID}}"><button type="submit" class="small">Delete<span class="sr"> rule: {{TEXT}}</span></button></form>{{/RULE_EDIT}}</li>{{/RULE}}</ul>
{{#IMPACT}}<form method="post" action="/catalog/{{ID}}" class="card impact" id="rule-impact">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="op" value="add_rule"><input type="hidden" name="confirm_impact" value="1">
{{#HIDDEN}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">{{/HIDDEN}}
<p>Saved plans break the new rule: {{TEXT}}. They stay as they are and stay saveable for changes that do not make it worse.</p>
<button type="submit" class="primary">Add the rule anyway</button>
</form>{{/IMPACT}}
{{#CAN_EDIT}}<form method="post" action="/catalog/{{ID}}" class="rule-form" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="op" value="add_rule">
<h3>Add a rule</h3>
<div class="field"><label for="f-kind">Rule</label><select id="f-kind" name="kind"><option value="requires">Requires</option><option value="excludes">Cannot be taken with</option><option value="max_qty">At most (per occupier per site)</option></select></div>
<div class="field{{#F_OTHER_INVALID}} invalid{{/F_OTHER_INVALID}}"><label for="f-other">Other service</label><select id="f-other" name="other"><option value="">—</option>{{#OTHER}}<option value="{{ID}}">{{NAME}}</option>{{/OTHER}}</select>
{{#F_OTHER_INVALID}}<p class="err">{{F_OTHER_ERR}}</p>{{/F_OTHER_INVALID}}</div>
<div class="field{{#F_CATEGORY_INVALID}} invalid{{/F_CATEGORY_INVALID}}"><label for="f-category">or any service of category (requires)</label><select id="f-category" name="category"><option value="">—</option>{{#CAT}}<option>{{NAME}}</option>{{/CAT}}</select>
{{#F_CATEGORY_INVALID}}<p class="err">{{F_CATEGORY_ERR}}</p>{{/F_CATEGORY_INVALID}}</div>
<label class="check"><input type="checkbox" name="qty_le" value="1"> QTY no more than the other service's QTY (requires)</label>
<div class="field{{#F_MAX_INVALID}} invalid{{/F_MAX_INVALID}}"><label for="f-max">Maximum (at most)</label><input id="f-max" name="max" inputmode="numeric" size="6">
{{#F_MAX_INVALID}}<p class="err">{{F_MAX_ERR}}</p>{{/F_MAX_INVALID}}</div>
<button type="submit">Add rule</button>
</form>{{/CAN_EDIT}}
</section>
</div>
