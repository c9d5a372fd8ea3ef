// Vocabulary fields (heritage/choosers.py): Wagtail's own tag input (jQuery tag-it, on every admin
// page), its suggestions from the accent-folding search. Without this script the field stays a text
// box of names separated by semicolons, which the server reads the same way.
class VocabularyTermsController extends window.StimulusModule.Controller {
  static values = { url: String, delimiter: { type: String, default: ';' } };

  connect() {
    const $ = window.jQuery;
    const input = this.element;
    $(input).tagit({
      allowSpaces: true,
      caseSensitive: false,
      singleFieldDelimiter: this.delimiterValue,
      autocomplete: {
        delay: 150,
        minLength: 1,
        source: (request, respond) => {
          this.suggest(request.term).then(respond);
        },
      },
    });
    // The box one types in is tag-it's own: give it the field's label and description.
    const box = input.parentElement.querySelector('ul.tagit input[type="text"]');
    const label = input.id && document.querySelector(`label[for="${input.id}"]`);
    if (box && label) {
      label.id = label.id || `${input.id}-label`;
      box.setAttribute('aria-labelledby', label.id);
      box.id = `${input.id}-typing`;
      label.setAttribute('for', box.id);
    }
    if (box && input.getAttribute('aria-describedby')) {
      box.setAttribute('aria-describedby', input.getAttribute('aria-describedby'));
    }
  }

  async suggest(term) {
    this.abort?.abort();
    this.abort = new AbortController();
    const url = new URL(this.urlValue, window.location.origin);
    url.searchParams.set('term', term);
    try {
      const response = await fetch(url, { headers: { Accept: 'application/json' }, signal: this.abort.signal });
      return response.ok ? await response.json() : [];
    } catch (error) {
      return [];
    }
  }

  disconnect() {
    this.abort?.abort();
  }
}

window.wagtail.app.register('heritage-terms', VocabularyTermsController);
