// Material for MkDocs' inline script from partials/javascripts/content.html, served as a file so that
// the Content-Security-Policy can forbid inline scripts. tests/test_deploy.py compares the two.
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
