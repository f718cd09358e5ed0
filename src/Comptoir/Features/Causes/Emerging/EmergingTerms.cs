using System.Collections.Frozen;
using Comptoir.Features.Causes.Classification;

namespace Comptoir.Features.Causes.Emerging;

/// <summary>
/// The terms a contact is counted under when looking for emerging irritants: its folded words and pairs of
/// neighbouring words, without French and English stop words nor bare numbers (an order number would
/// otherwise look new every day), but keeping codes and versions such as <c>3ds2</c> or <c>17.2</c>.
/// Each term counts once per contact, so that one long angry e-mail does not make a surge.
/// </summary>
public static class EmergingTerms
{
    private const int MinLength = 2;

    private static readonly FrozenSet<string> StopWords = (
        // French
        "a au aux avec ce ces cet cette dans de des du elle elles en et eux il ils je la le les leur leurs lui " +
        "ma mais me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes " +
        "toi ton tu un une vos votre vous y ai as avons avez ont suis es est sommes etes sont etais etait ete " +
        "etre avoir fait faire plus tres bien tout tous toute toutes aussi comme donc car si non oui deja encore " +
        "depuis alors apres avant sans sous chez entre vers ni cela ca ceci celui celle ici la bonjour merci " +
        "madame monsieur cordialement svp mr mme " +
        // English
        "the an and or but of to in on at for from by with about as is are was were be been being am have has had " +
        "do does did not no yes this that these those it its they them their there then than my me we our us you " +
        "your he him his she her i if so what which who whom when where why how all any can could would should " +
        "will just also into out up down over again very only own same too more most other some such hello thanks " +
        "thank please dear xx xxxx xxxxxxxx")
        .Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True for a word that says nothing on its own (articles, pronouns, greetings).</summary>
    public static bool IsStopWord(string word) => StopWords.Contains(word);

    /// <summary>The distinct terms of a text: words, then "word word" pairs of neighbours that are both kept.</summary>
    public static IReadOnlySet<string> Of(string text)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        string? previous = null;
        foreach (var token in TextTokeniser.Tokens(text))
        {
            if (!Keeps(token))
            {
                previous = null;
                continue;
            }

            terms.Add(token);
            if (previous is not null && previous != token)
            {
                terms.Add(previous + " " + token);
            }

            previous = token;
        }

        return terms;
    }

    /// <summary>The folded words of a term or of a cause's name, for comparing them.</summary>
    public static IEnumerable<string> Words(string text) => TextTokeniser.Tokens(text).Where(Keeps);

    private static bool Keeps(string token) =>
        token.Length >= MinLength && !StopWords.Contains(token) && !token.All(char.IsAsciiDigit) && token.Any(char.IsLetterOrDigit);
}
