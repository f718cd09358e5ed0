namespace Comptoir.Features.Causes.Classification;

/// <summary>
/// A scorer that is not a weight matrix over the features (so not stored with the model), whose scores are
/// added to the linear ones: it sees the main view's sparse vector of the text.
/// </summary>
internal interface IMainViewScorer
{
    /// <summary>Adds its scores for the sparse vector (<paramref name="ids"/> ascending, <paramref name="values"/>) to <paramref name="scores"/>.</summary>
    void AddScores(Span<float> scores, ReadOnlySpan<int> ids, ReadOnlySpan<float> values);
}
