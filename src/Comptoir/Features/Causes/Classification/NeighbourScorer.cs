namespace Comptoir.Features.Causes.Classification;

/// <summary>
/// A k-nearest-neighbour vote added to the linear scores: the training texts most similar to the text
/// (cosine of the main view's TF-IDF vectors, which are L2-normalised) each vote for their cause with
/// their similarity; the votes, as shares of the total, times a weight, are added to the scores. Unlike
/// the linear scorers it keeps every training vector, so such models are not stored.
/// </summary>
/// <remarks>
/// Similarities are accumulated through an inverted index (the training matrix transposed), so each text
/// costs the total length of the posting lists of its features.
/// </remarks>
internal sealed class NeighbourScorer : IMainViewScorer
{
    [ThreadStatic]
    private static double[]? _similarities;

    private readonly SparseMatrix _postings;
    private readonly int[] _truth;
    private readonly int _count;
    private readonly float _weight;

    public NeighbourScorer(SparseMatrix training, int[] truth, int count, double weight)
    {
        ArgumentNullException.ThrowIfNull(training);
        _postings = training.Transposed();
        _truth = truth;
        _count = count;
        _weight = (float)weight;
    }

    public void AddScores(Span<float> scores, ReadOnlySpan<int> ids, ReadOnlySpan<float> values)
    {
        var rows = _truth.Length;
        var similarities = _similarities is { } buffer && buffer.Length == rows ? buffer : _similarities = new double[rows];
        Array.Clear(similarities);
        for (var k = 0; k < ids.Length; k++)
        {
            if (ids[k] >= _postings.Rows)
            {
                continue;
            }

            var value = values[k];
            var posting = _postings.Indices(ids[k]);
            var weights = _postings.Values(ids[k]);
            for (var p = 0; p < posting.Length; p++)
            {
                similarities[posting[p]] += value * weights[p];
            }
        }

        // The k largest similarities, by insertion into a small sorted array (k is small).
        Span<int> best = stackalloc int[_count];
        var filled = 0;
        for (var i = 0; i < rows; i++)
        {
            var s = similarities[i];
            if (s <= 0 || (filled == _count && s <= similarities[best[filled - 1]]))
            {
                continue;
            }

            var at = filled < _count ? filled++ : _count - 1;
            while (at > 0 && similarities[best[at - 1]] < s)
            {
                best[at] = best[at - 1];
                at--;
            }

            best[at] = i;
        }

        var total = 0.0;
        for (var b = 0; b < filled; b++)
        {
            total += similarities[best[b]];
        }

        for (var b = 0; b < filled && total > 0; b++)
        {
            scores[_truth[best[b]]] += (float)(_weight * similarities[best[b]] / total);
        }
    }
}
