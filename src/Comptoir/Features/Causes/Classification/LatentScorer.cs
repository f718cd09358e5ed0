namespace Comptoir.Features.Causes.Classification;

/// <summary>
/// The scores contributed by a latent block normalised per text (<see cref="LatentNormalisation.PerText"/>),
/// which cannot be folded into the sparse weights: the projection of the main view's vector, times the
/// weights learnt on the block (<c>Weights[j * labels + label]</c>).
/// </summary>
internal sealed class LatentScorer(LatentProjection projection, float[] weights) : IMainViewScorer
{
    [ThreadStatic]
    private static float[]? _latent;

    public LatentProjection Projection { get; } = projection;

    public float[] Weights { get; } = weights;

    public void AddScores(Span<float> scores, ReadOnlySpan<int> ids, ReadOnlySpan<float> values)
    {
        var labels = scores.Length;
        var buffer = _latent is { } latent && latent.Length >= Projection.Rank ? latent : _latent = new float[Projection.Rank];
        Projection.Project(ids, values, buffer);
        for (var j = 0; j < Projection.Rank; j++)
        {
            var z = buffer[j];
            var row = Weights.AsSpan(j * labels, labels);
            for (var c = 0; c < labels; c++)
            {
                scores[c] += row[c] * z;
            }
        }
    }
}
