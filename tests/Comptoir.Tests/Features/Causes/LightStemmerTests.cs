using Comptoir.Features.Causes.Classification;

namespace Comptoir.Tests.Features.Causes;

public sealed class LightStemmerTests
{
    [Theory]
    [InlineData("charged", "charg")]
    [InlineData("charging", "charg")]
    [InlineData("charges", "charg")]
    [InlineData("charge", "charg")]
    [InlineData("cards", "card")]
    [InlineData("quickly", "quick")]
    [InlineData("address", "address")]
    [InlineData("dessus", "dessus")]
    [InlineData("avis", "avis")]
    [InlineData("cartes", "cart")]
    [InlineData("carte", "cart")]
    [InlineData("3ds2", "3ds2")]
    [InlineData("is", "is")]
    [InlineData("bed", "bed")]
    public void Strips_common_inflections_and_keeps_short_or_protected_words(string word, string stem)
    {
        Assert.Equal(stem, LightStemmer.Stem(word).ToString());
    }
}
