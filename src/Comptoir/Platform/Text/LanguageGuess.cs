namespace Comptoir.Platform.Text;

/// <summary>
/// Guesses the language of a customer's words from common short words, for the languages of the group's
/// countries. Good enough to route a message to an advisor who reads it; null when unsure.
/// </summary>
public static class LanguageGuess
{
    private static readonly Dictionary<string, HashSet<string>> Stopwords = new()
    {
        ["fr"] = ["le", "la", "les", "de", "des", "du", "et", "est", "je", "vous", "pas", "que", "une", "un", "pour", "mon", "ma", "mes", "avec", "dans", "bonjour", "merci", "commande", "ai", "au", "ne", "sur", "il", "elle", "nous"],
        ["en"] = ["the", "and", "is", "my", "to", "of", "i", "you", "not", "was", "for", "with", "have", "order", "hello", "please", "thanks", "it", "this", "that", "on", "are", "be", "hi"],
        ["es"] = ["el", "los", "las", "y", "es", "mi", "por", "para", "con", "no", "una", "pedido", "hola", "gracias", "que", "en", "del", "se", "lo", "muy"],
        ["it"] = ["il", "gli", "e", "di", "che", "non", "per", "con", "una", "mio", "ordine", "ciao", "grazie", "sono", "della", "nel", "ho", "questo"],
        ["pt"] = ["o", "os", "as", "e", "de", "do", "da", "não", "para", "com", "uma", "meu", "pedido", "olá", "obrigado", "que", "em", "é"],
        ["pl"] = ["i", "w", "nie", "na", "się", "jest", "to", "że", "z", "do", "moje", "zamówienie", "dzień", "dobry", "dziękuję", "jak"],
        ["ro"] = ["și", "în", "nu", "este", "la", "cu", "pe", "comanda", "mea", "bună", "mulțumesc", "care", "pentru", "am"],
        ["nl"] = ["de", "het", "een", "en", "is", "niet", "van", "ik", "mijn", "bestelling", "hallo", "bedankt", "met", "voor", "op"],
    };

    public static string? Guess(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var words = text.ToLowerInvariant()
            .Split([' ', '\n', '\r', '\t', ',', '.', '!', '?', ';', ':', '(', ')', '"', '\'', '’'], StringSplitOptions.RemoveEmptyEntries)
            .Take(200)
            .ToList();
        if (words.Count == 0)
        {
            return null;
        }

        var scores = Stopwords.Select(pair => (Language: pair.Key, Score: words.Count(pair.Value.Contains))).OrderByDescending(s => s.Score).ToList();
        var best = scores[0];
        var second = scores[1];
        return best.Score >= 2 && best.Score > second.Score ? best.Language : null;
    }
}
