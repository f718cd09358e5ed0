using Comptoir.Features.Causes.Classification;

namespace Comptoir.Tests.Features.Causes;

public sealed class CauseFeatureViewTests
{
    [Theory]
    [InlineData("w1-3", 3, 0, 0, false, 1.0)]
    [InlineData("x1-6*0.5", 0, 1, 6, true, 0.5)]
    [InlineData("w1-2+c2-5", 2, 2, 5, false, 1.0)]
    public void Parses_compact_descriptions(string text, int words, int charMin, int charMax, bool across, double weight)
    {
        Assert.Equal(new CauseFeatureView(words, charMin, charMax, across, weight), CauseFeatureView.Parse(text));
    }

    [Theory]
    [InlineData("w2-3")]
    [InlineData("y1-2")]
    [InlineData("c5-2")]
    [InlineData("c")]
    public void Refuses_malformed_descriptions(string text)
    {
        Assert.Throws<FormatException>(() => CauseFeatureView.Parse(text));
    }
}
