using System.Runtime.InteropServices;
using System.Text;

namespace Comptoir.Features.Causes.Classification;

/// <summary>
/// Binary form of a <see cref="CauseModel"/>, little-endian: the magic "CCM", a format version byte, then
/// the settings, temperature, labels, feature hashes, IDF weights, weight matrix and biases as raw arrays.
/// Version 1 holds one view of the text (words up to bigrams); version 2 a list of views, each with its
/// settings, hashes and IDF weights, followed by the one weight matrix over all of them. A model that
/// version 1 can express is written in it, so that models stored before views existed read and write the
/// same bytes. Version 3 is version 2 followed by the network over the pre-trained static vectors
/// (<see cref="EmbeddingScorer"/>): the name of the vectors' source, the network's weight and its arrays; a
/// model without that network is still written in version 1 or 2. Reading checks every length, so a
/// truncated or foreign blob is refused.
/// </summary>
internal static class CauseModelFormat
{
    private const byte SingleView = 1;
    private const byte MultiView = 2;
    private const byte WithEmbedding = 3;
    private static readonly byte[] Magic = "CCM"u8.ToArray();

    public static byte[] Write(CauseModel model)
    {
        if (model.Extras.Count > 0)
        {
            throw new NotSupportedException("A model with an LSA block normalised per text or a nearest-neighbour vote cannot be stored.");
        }

        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            var views = model.Views;
            var single = model.Embedding is null && views.Length == 1 && views[0].Settings is { WordMax: 1 or 2, PairDistance: 0, StemWords: false };
            writer.Write(Magic);
            writer.Write(single ? SingleView : model.Embedding is null ? MultiView : WithEmbedding);
            if (single)
            {
                WriteSettings(writer, views[0].Settings, SingleView);
            }

            writer.Write(model.Temperature);
            writer.Write(model.Labels.Count);
            foreach (var label in model.Labels)
            {
                writer.Write(label);
            }

            if (!single)
            {
                writer.Write(views.Length);
            }

            foreach (var view in views)
            {
                if (!single)
                {
                    WriteSettings(writer, view.Settings, MultiView);
                }

                writer.Write(view.FeatureCount);
                writer.Write(view.WordFeatureCount);
                writer.Write(MemoryMarshal.AsBytes(view.Hashes.AsSpan()));
                writer.Write(MemoryMarshal.AsBytes(view.Idf.AsSpan()));
            }

            writer.Write(MemoryMarshal.AsBytes(model.Weights.AsSpan()));
            writer.Write(MemoryMarshal.AsBytes(model.Bias.AsSpan()));
            if (model.Embedding is { Network: var network })
            {
                WriteEmbedding(writer, network);
            }
        }

        return stream.ToArray();
    }

    public static CauseModel Read(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Cause models are stored little-endian.");
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(data, writable: false), Encoding.UTF8);
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
            {
                throw new InvalidDataException("This is not a cause model.");
            }

            var version = reader.ReadByte();
            if (version is not (SingleView or MultiView or WithEmbedding))
            {
                throw new InvalidDataException($"Cause model format version {version} is not supported (expected {SingleView}, {MultiView} or {WithEmbedding}).");
            }

            var singleSettings = version == SingleView ? ReadSettings(reader, version) : default;
            var temperature = reader.ReadDouble();
            var labels = new string[Count(reader.ReadInt32(), 2, data.Length)];
            for (var i = 0; i < labels.Length; i++)
            {
                labels[i] = reader.ReadString();
            }

            var views = new TextFeaturiser[version == SingleView ? 1 : Count(reader.ReadInt32(), 1, 64)];
            var features = 0;
            for (var v = 0; v < views.Length; v++)
            {
                var settings = version == SingleView ? singleSettings : ReadSettings(reader, version);
                var count = Count(reader.ReadInt32(), 0, data.Length / 8);
                var wordFeatures = Count(reader.ReadInt32(), 0, count);
                var hashes = ReadArray<ulong>(reader, count);
                var idf = ReadArray<float>(reader, count);
                views[v] = new TextFeaturiser(settings, hashes, idf, wordFeatures);
                features = checked(features + count);
            }

            var weights = ReadArray<float>(reader, checked(features * labels.Length));
            var bias = ReadArray<float>(reader, labels.Length);
            var embedding = version == WithEmbedding ? ReadEmbedding(reader, labels.Length, data.Length) : null;
            if (reader.BaseStream.Position != data.Length)
            {
                throw new InvalidDataException("The cause model has trailing bytes.");
            }

            return new CauseModel(views, labels, weights, bias, temperature, embedding: embedding);
        }
        catch (Exception e) when (e is EndOfStreamException or OverflowException or ArgumentException)
        {
            throw new InvalidDataException("The cause model is truncated or corrupt.", e);
        }
    }

    /// <summary>Version 1 stores "word bigrams" as a boolean; version 2 the longest word n-gram and the word-pair distance, and whether words are stemmed.</summary>
    private static void WriteSettings(BinaryWriter writer, FeatureSettings settings, byte version)
    {
        if (version == SingleView)
        {
            writer.Write(settings.WordMax == 2);
        }
        else
        {
            writer.Write(settings.WordMax);
            writer.Write(settings.PairDistance);
        }

        writer.Write(settings.CharMin);
        writer.Write(settings.CharMax);
        writer.Write(settings.CharAcrossWords);
        writer.Write(settings.WordWeight);
        writer.Write(settings.CharWeight);
        if (version == MultiView)
        {
            writer.Write(settings.StemWords);
        }
    }

    private static FeatureSettings ReadSettings(BinaryReader reader, byte version)
    {
        var (wordMax, pairDistance) = version == SingleView
            ? (reader.ReadBoolean() ? 2 : 1, 0)
            : (Count(reader.ReadInt32(), 0, 8), Count(reader.ReadInt32(), 0, FeatureHashing.MaxPairDistance));
        var settings = new FeatureSettings(wordMax, pairDistance, reader.ReadInt32(), reader.ReadInt32(), reader.ReadBoolean(), reader.ReadSingle(), reader.ReadSingle());
        return version == SingleView ? settings : settings with { StemWords = reader.ReadBoolean() };
    }

    /// <summary>The source of the vectors, their length, then the network's units, weight and arrays.</summary>
    private static void WriteEmbedding(BinaryWriter writer, HiddenLayerNetwork network)
    {
        writer.Write(PretrainedTokenVectors.SourceName);
        writer.Write(PretrainedTokenVectors.Dimensions);
        writer.Write(network.Units);
        writer.Write(network.Weight);
        foreach (var array in new[] { network.Input, network.HiddenBias, network.Output, network.OutputBias })
        {
            writer.Write(MemoryMarshal.AsBytes(array.AsSpan()));
        }
    }

    private static EmbeddingScorer ReadEmbedding(BinaryReader reader, int labels, int length)
    {
        var source = reader.ReadString();
        if (source != PretrainedTokenVectors.SourceName || reader.ReadInt32() != PretrainedTokenVectors.Dimensions)
        {
            throw new InvalidDataException($"The cause model needs the pre-trained vectors \"{source}\", which this version does not ship ({PretrainedTokenVectors.SourceName}).");
        }

        var units = Count(reader.ReadInt32(), 1, 4096);
        var weight = reader.ReadSingle();
        var input = ReadArray<float>(reader, checked(PretrainedTokenVectors.Dimensions * units));
        var hiddenBias = ReadArray<float>(reader, units);
        var output = ReadArray<float>(reader, Count(checked(units * labels), 1, length));
        var outputBias = ReadArray<float>(reader, labels);
        return new EmbeddingScorer(HiddenLayerNetwork.FromParts(input, hiddenBias, output, outputBias, weight));
    }

    private static int Count(int value, int min, int max) =>
        value >= min && value <= max ? value : throw new InvalidDataException("The cause model is truncated or corrupt.");

    private static T[] ReadArray<T>(BinaryReader reader, int count)
        where T : struct
    {
        var remaining = reader.BaseStream.Length - reader.BaseStream.Position;
        if ((long)count * System.Runtime.CompilerServices.Unsafe.SizeOf<T>() > remaining)
        {
            throw new EndOfStreamException();
        }

        var array = new T[count];
        var bytes = MemoryMarshal.AsBytes(array.AsSpan());
        if (reader.Read(bytes) != bytes.Length)
        {
            throw new EndOfStreamException();
        }

        return array;
    }
}
