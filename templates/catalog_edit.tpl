{{%AUTOESCAPE context="HTML"}}<header class="page-head"><div>
<p class="crumbs"><a href="/catalog">Catalog</a></p>
<h1>{{NAME}}{{#RETIRED}} <span class="chip retired">Retired</span>{{/RETIRED}}</h1><p class="sub">{{CATEGORY}} · code {{CODE}}{{#NEEDS_CASE}} · needs a case{{/NEEDS_CASE}}{{#RETIRED}} · retired: no longer offered; the plans that hold it keep it until it is removed{{/RETIRED}}</p></div>
{{#CAN_EDIT}}<div class="actions"><form method="post" action="/catalog/{{ID}}" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}">{{#RETIRED}}<input type="hidden" name="op" value="unretire"><button type="submit">Offer it again</button>{{/RETIRED}}{{#OFFERED}}<input type="hidden" name="op" value="retire"><button type="submit">Retire</button>{{/OFFERED}}</form></div>{{/CAN_EDIT}}</header>
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors"><p>Nothing was saved:</p>{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
<div class="two-col">
<section class="card">
<h2>Service</h2>
<dl class="facts"><dt>Cost</dt><dd>{{COST}}</dd><dt>Entitles (per unit)</dt><dd>{{ENTITLES}}</dd>
{{#READ_ONLY}}<dt>RRP</dt><dd>{{RRP_SHOW}}</dd><dt>Description</dt><dd class="pre">{{DESCRIPTION_SHOW:pre_escape}}</dd><dt>Sites</dt><dd>{{#SITE}}{{#CHECKED}}<span class="chip">{{NAME}}{{#OWN_RRP}} (RRP {{RRP}}){{/OWN_RRP}}</span> {{/CHECKED}}{{/SITE}}</dd>{{/READ_ONLY}}
</dl>
{{#CAN_EDIT}}<form method="post" action="/catalog/{{ID}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="op" value="save">
<div class="field{{#F_CODE_INVALID}} invalid{{/F_CODE_INVALID}}"><label for="f-code">Code</label>
<input id="f-code" name="code" value="{{F_CODE}}" maxlength="48"{{#F_CODE_INVALID}} aria-invalid="true" aria-describedby="e-code"{{/F_CODE_INVALID}}>
{{#F_CODE_INVALID}}<p class="err" id="e-code">{{F_CODE_ERR}}</p>{{/F_CODE_INVALID}}</div>
<div class="field{{#F_NAME_INVALID}} invalid{{/F_NAME_INVALID}}"><label for="f-name">Name</label>
<input id="f-name" name="name" value="{{F_NAME}}" maxlength="200"{{#F_NAME_INVALID}} aria-invalid="true" aria-describedby="e-name"{{/F_NAME_INVALID}}>
{{#F_NAME_INVALID}}<p class="err" id="e-name">{{F_NAME_ERR}}</p>{{/F_NAME_INVALID}}</div>
<div class="field{{#F_CATEGORY_INVALID}} invalid{{/F_CATEGORY_INVALID}}"><label for="f-svc-category">Category</label>
<select id="f-svc-category" name="category"{{#F_CATEGORY_INVALID}} aria-invalid="true" aria-describedby="e-category"{{/F_CATEGORY_INVALID}}><option value="">Choose…</option>{{#SVC_CAT}}<option{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/SVC_CAT}}</select>
{{#F_CATEGORY_INVALID}}<p class="err" id="e-category">{{F_CATEGORY_ERR}}</p>{{/F_CATEGORY_INVALID}}</div>
<div class="field{{#F_COST_INVALID}} invalid{{/F_COST_INVALID}}"><label for="f-cost">Cost (per unit per month)</label>
<input id="f-cost" name="cost" inputmode="decimal" value="{{F_COST}}"{{#F_COST_INVALID}} aria-invalid="true" aria-describedby="e-cost"{{/F_COST_INVALID}}>
{{#F_COST_INVALID}}<p class="err" id="e-cost">{{F_COST_ERR}}</p>{{/F_COST_INVALID}}</div>
<div class="field{{#F_RRP_INVALID}} invalid{{/F_RRP_INVALID}}"><label for="f-rrp">RRP (per unit per month)</label>
<input id="f-rrp" name="rrp" inputmode="decimal" value="{{F_RRP}}"{{#F_RRP_INVALID}} aria-invalid="true" aria-describedby="e-rrp"{{/F_RRP_INVALID}}>
{{#F_RRP_INVALID}}<p class="err" id="e-rrp">{{F_RRP_ERR}}</p>{{/F_RRP_INVALID}}</div>
<div class="field{{#F_DESCRIPTION_INVALID}} invalid{{/F_DESCRIPTION_INVALID}}"><label for="f-description">Description (the tooltip in Available services)</label>
<textarea id="f-description" name="description" rows="3" maxlength="1000"{{#F_DESCRIPTION_INVALID}} aria-invalid="true" aria-describedby="e-description"{{/F_DESCRIPTION_INVALID}}>{{F_DESCRIPTION:pre_escape}}</textarea>
{{#F_DESCRIPTION_INVALID}}<p class="err" id="e-description">{{F_DESCRIPTION_ERR}}</p>{{/F_DESCRIPTION_INVALID}}</div>
<fieldset class="field"><legend>Entitles, per unit</legend>
<div class="field{{#F_ENT_SWITCH_PORTS_INVALID}} invalid{{/F_ENT_SWITCH_PORTS_INVALID}}"><label for="f-ent_switch_ports">Switch ports</label><input id="f-ent_switch_ports" name="ent_switch_ports" inputmode="numeric" size="5" value="{{F_ENT_SWITCH_PORTS}}"{{#F_ENT_SWITCH_PORTS_INVALID}} aria-invalid="true" aria-describedby="e-ent_switch_ports"{{/F_ENT_SWITCH_PORTS_INVALID}}>{{#F_ENT_SWITCH_PORTS_INVALID}}<p class="err" id="e-ent_switch_ports">{{F_ENT_SWITCH_PORTS_ERR}}</p>{{/F_ENT_SWITCH_PORTS_INVALID}}</div>
<div class="field{{#F_ENT_PHONE_EXT_INVALID}} invalid{{/F_ENT_PHONE_EXT_INVALID}}"><label for="f-ent_phone_ext">Telephony extensions</label><input id="f-ent_phone_ext" name="ent_phone_ext" inputmode="numeric" size="5" value="{{F_ENT_PHONE_EXT}}"{{#F_ENT_PHONE_EXT_INVALID}} aria-invalid="true" aria-describedby="e-ent_phone_ext"{{/F_ENT_PHONE_EXT_INVALID}}>{{#F_ENT_PHONE_EXT_INVALID}}<p class="err" id="e-ent_phone_ext">{{F_ENT_PHONE_EXT_ERR}}</p>{{/F_ENT_PHONE_EXT_INVALID}}</div>
<div class="field{{#F_ENT_PUBLIC_IP_INVALID}} invalid{{/F_ENT_PUBLIC_IP_INVALID}}"><label for="f-ent_public_ip">Public IP addresses</label><input id="f-ent_public_ip" name="ent_public_ip" inputmode="numeric" size="5" value="{{F_ENT_PUBLIC_IP}}"{{#F_ENT_PUBLIC_IP_INVALID}} aria-invalid="true" aria-describedby="e-ent_public_ip"{{/F_ENT_PUBLIC_IP_INVALID}}>{{#F_ENT_PUBLIC_IP_INVALID}}<p class="err" id="e-ent_public_ip">{{F_ENT_PUBLIC_IP_ERR}}</p>{{/F_ENT_PUBLIC_IP_INVALID}}</div>
<div class="field{{#F_ENT_WIFI_DEVICES_INVALID}} invalid{{/F_ENT_WIFI_DEVICES_INVALID}}"><label for="f-ent_wifi_devices">Wi-Fi devices</label><input id="f-ent_wifi_devices" name="ent_wifi_devices" inputmode="numeric" size="5" value="{{F_ENT_WIFI_DEVICES}}"{{#F_ENT_WIFI_DEVICES_INVALID}} aria-invalid="true" aria-describedby="e-ent_wifi_devices"{{/F_ENT_WIFI_DEVICES_INVALID}}>{{#F_ENT_WIFI_DEVICES_INVALID}}<p class="err" id="e-ent_wifi_devices">{{F_ENT_WIFI_DEVICES_ERR}}</p>{{/F_ENT_WIFI_DEVICES_INVALID}}</div>
<div class="field{{#F_ENT_WIFI_ACCOUNTS_INVALID}} invalid{{/F_ENT_WIFI_ACCOUNTS_INVALID}}"><label for="f-ent_wifi_accounts">Wi-Fi accounts</label><input id="f-ent_wifi_accounts" name="ent_wifi_accounts" inputmode="numeric" size="5" value="{{F_ENT_WIFI_ACCOUNTS}}"{{#F_ENT_WIFI_ACCOUNTS_INVALID}} aria-invalid="true" aria-describedby="e-ent_wifi_accounts"{{/F_ENT_WIFI_ACCOUNTS_INVALID}}>{{#F_ENT_WIFI_ACCOUNTS_INVALID}}<p class="err" id="e-ent_wifi_accounts">{{F_ENT_WIFI_ACCOUNTS_ERR}}</p>{{/F_ENT_WIFI_ACCOUNTS_INVALID}}</div>
</fieldset>
<fieldset class="field"><legend>Offered at, and the RRP there (empty: the RRP above)</legend>
{{#SITE}}<div class="field{{#SITE_RRP_INVALID}} invalid{{/SITE_RRP_INVALID}}"><label class="check"><input type="checkbox" name="site" value="{{ID}}"{{#CHECKED}} checked{{/CHECKED}}> {{NAME}}</label> <label class="sr" for="f-site_rrp_{{ID}}">RRP at {{NAME}}</label><input id="f-site_rrp_{{ID}}" name="site_rrp_{{ID}}" inputmode="decimal" size="8" value="{{SITE_RRP}}" placeholder="RRP"{{#SITE_RRP_INVALID}} aria-invalid="true" aria-describedby="e-site_rrp_{{ID}}"{{/SITE_RRP_INVALID}}>{{#SITE_RRP_INVALID}}<p class="err" id="e-site_rrp_{{ID}}">{{SITE_RRP_ERR}}</p>{{/SITE_RRP_INVALID}}</div>{{/SITE}}
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
