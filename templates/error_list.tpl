{{%AUTOESCAPE context="HTML"}}<ul>{{#ERRORS}}<li>{{#HAS_FIELD}}<a href="#{{FIELD}}">{{/HAS_FIELD}}{{MSG}}{{#HAS_FIELD}}</a>{{/HAS_FIELD}}</li>{{/ERRORS}}</ul>
