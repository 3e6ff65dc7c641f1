{{%AUTOESCAPE context="HTML"}}<div class="page-head"><div>{{#CRUMB}}<p class="crumbs"><a href="{{BACK}}">{{LABEL}}</a></p>{{/CRUMB}}<h1>{{TITLE}}</h1></div></div>
<section class="card confirm-page" aria-labelledby="consequence">
<p class="consequence" id="consequence">{{CONSEQUENCE}}</p>
<form method="post" action="{{ACTION}}">
{{#FIELD}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">
{{/FIELD}}<input type="hidden" name="confirm" value="1">
<div class="buttons"><button type="submit" class="primary">{{BUTTON}}</button> <a href="{{BACK}}">Cancel</a></div>
</form>
</section>
