using Comptoir.Features.Causes.Classification;

namespace Comptoir.Tests.Features.Causes;

public sealed class TextTokeniserTests
{
    [Fact]
    public void Folds_accents_and_case_drops_elisions_and_keeps_versions_and_codes()
    {
        var tokens = TextTokeniser.Tokens("Problème avec l'appli sur iOS 17.2, code 3DS2 : j’ai payé 12,50 € qu'il rembourse");

        Assert.Equal(["probleme", "avec", "appli", "sur", "ios", "17.2", "code", "3ds2", "ai", "paye", "12.50", "€", "il", "rembourse"], tokens);
    }

    [Fact]
    public void Spells_out_ligatures_and_normalises_compatibility_characters()
    {
        Assert.Equal(["coeur", "strasse", "fichier", "123"], TextTokeniser.Tokens("Cœur STRAẞE ﬁchier １２３"));
    }

    [Fact]
    public void Joins_english_contractions_and_splits_on_punctuation()
    {
        Assert.Equal(["i", "dont", "know", "cards", "pin"], TextTokeniser.Tokens("I don't know... card's-PIN"));
    }
}
