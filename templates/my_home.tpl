{{%AUTOESCAPE context="HTML"}}<header class="page-head">
<div><h1>Your services</h1></div>
</header>
<div class="empty"><p>It is empty here: you have no contract at any of {{OPERATOR_NAME}}'s sites yet.</p></div>
