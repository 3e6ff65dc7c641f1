{{%AUTOESCAPE context="HTML"}}<header class="page-head">
<div>
<p class="crumbs"><a href="/occupiers/{{OCC_ID}}">Occupier</a> › <a href="/occupiers/{{OCC_ID}}/sites/{{SITE_ID}}/contracts">Contracts</a></p>
<h1>Spaces of contract {{REFERENCE}}</h1>
</div>
</header>
{{#HAS_ERRORS}}<div class="errors" role="alert" tabindex="-1" id="errors"><p>Please correct the following:</p>{{>ERROR_LIST}}</div>{{/HAS_ERRORS}}
{{#HAS_SPACES}}<table class="grid">
<thead><tr><th scope="col">Space</th><th scope="col">Kind</th><th scope="col" class="num">Capacity</th><th scope="col">Floor</th><th scope="col">Floor ports</th><th scope="col"><span class="sr">Actions</span></th></tr></thead>
<tbody>
{{#SPACE}}<tr><td data-label="Space">{{NAME}}</td><td data-label="Kind">{{KIND}}</td><td class="num" data-label="Capacity">{{CAPACITY}}</td><td data-label="Floor">{{FLOOR}}</td><td data-label="Floor ports">{{PORTS}}</td><td class="act"><form class="inline" method="post" action="/occupiers/{{OCC_ID}}/contracts/{{CONTRACT_ID}}/spaces"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="unassign"><input type="hidden" name="space" value="{{ID}}"><button type="submit" class="small">Unassign<span class="sr"> {{NAME}}</span></button></form></td></tr>
{{/SPACE}}</tbody>
</table>{{/HAS_SPACES}}
{{#NO_SPACES}}<p class="empty">This contract holds no space yet.</p>{{/NO_SPACES}}
<form class="card form" method="post" action="/occupiers/{{OCC_ID}}/contracts/{{CONTRACT_ID}}/spaces" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="action" value="assign">
<div class="field{{#F_SPACE_INVALID}} invalid{{/F_SPACE_INVALID}}">
<label for="f-space">Assign a space <span class="req">(required)</span></label>
<select id="f-space" name="space" aria-describedby="h-space{{#F_SPACE_INVALID}} e-space{{/F_SPACE_INVALID}}"{{#F_SPACE_INVALID}} aria-invalid="true"{{/F_SPACE_INVALID}}><option value="">Choose a space</option>{{#SPACE_OPT}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}} ({{HOLDER}})</option>{{/SPACE_OPT}}</select>
<p class="hint" id="h-space">A space is held by one contract at a time.</p>
{{#F_SPACE_INVALID}}<p class="err" id="e-space">{{F_SPACE_ERR}}</p>{{/F_SPACE_INVALID}}
</div>
<div class="buttons"><button type="submit" class="primary">Assign</button></div>
</form>
