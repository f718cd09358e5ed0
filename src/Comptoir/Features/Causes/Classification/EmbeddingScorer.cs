namespace Comptoir.Features.Causes.Classification;

/// <summary>
/// The scores of a text's pre-trained static vector (<see cref="PretrainedTokenVectors"/>) through a network
/// with one hidden layer (<see cref="HiddenLayerNetwork"/>, the vector being a dense input), times a weight,
/// added to the linear scores of the n-gram features. Stored with the model (format version 3); the
/// vectors themselves come from the encoder shipped with the application.
/// </summary>
internal sealed class EmbeddingScorer
{
    private static readonly int[] AllDimensions = [.. Enumerable.Range(0, PretrainedTokenVectors.Dimensions)];

    [ThreadStatic]
    private static float[]? _vector;

    public EmbeddingScorer(HiddenLayerNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (network.Input.Length != PretrainedTokenVectors.Dimensions * network.Units)
        {
            throw new ArgumentException($"The network does not take vectors of {PretrainedTokenVectors.Dimensions} values.", nameof(network));
        }

        Network = network;
    }

    public HiddenLayerNetwork Network { get; }

    public static EmbeddingScorer Train(string[] texts, int[] truth, int labelCount, CauseModelOptions options, ParallelOptions parallel)
    {
        var vectors = PretrainedTokenVectors.Shared.EmbedAll(texts, parallel);
        return new EmbeddingScorer(HiddenLayerNetwork.Train(
            vectors, truth, labelCount, options.EmbeddingUnits, options.EmbeddingEpochs, options.EmbeddingRate, options.EmbeddingL2,
            options.EmbeddingInitialScale, options.EmbeddingWeight, options.Seed, parallel.CancellationToken));
    }

    public void AddScores(Span<float> scores, string text)
    {
        var vector = _vector ??= new float[PretrainedTokenVectors.Dimensions];
        PretrainedTokenVectors.Shared.Embed(text, vector);
        Network.AddScores(scores, AllDimensions, vector);
    }
}
