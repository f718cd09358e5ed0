using System.Runtime.InteropServices;
using System.Text;

namespace Comptoir.Features.Causes.Classification;

/// <summary>
/// Binary form of a <see cref="CauseModel"/>, little-endian: the magic "CCM", a format version byte, the
/// featurisation settings, the temperature, the labels, then the feature hashes, IDF weights, weight matrix
/// and biases as raw arrays. Reading checks every length, so a truncated or foreign blob is refused.
/// </summary>
internal static class CauseModelFormat
{
    private const byte Version = 1;
    private static readonly byte[] Magic = "CCM"u8.ToArray();

    public static byte[] Write(CauseModel model)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            var featuriser = model.Featuriser;
            var settings = featuriser.Settings;
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write(settings.WordBigrams);
            writer.Write(settings.CharMin);
            writer.Write(settings.CharMax);
            writer.Write(settings.CharAcrossWords);
            writer.Write(settings.WordWeight);
            writer.Write(settings.CharWeight);
            writer.Write(model.Temperature);
            writer.Write(model.Labels.Count);
            foreach (var label in model.Labels)
            {
                writer.Write(label);
            }

            writer.Write(featuriser.FeatureCount);
            writer.Write(featuriser.WordFeatureCount);
            writer.Write(MemoryMarshal.AsBytes(featuriser.Hashes.AsSpan()));
            writer.Write(MemoryMarshal.AsBytes(featuriser.Idf.AsSpan()));
            writer.Write(MemoryMarshal.AsBytes(model.Weights.AsSpan()));
            writer.Write(MemoryMarshal.AsBytes(model.Bias.AsSpan()));
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
            if (version != Version)
            {
                throw new InvalidDataException($"Cause model format version {version} is not supported (expected {Version}).");
            }

            var settings = new FeatureSettings(reader.ReadBoolean(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadBoolean(), reader.ReadSingle(), reader.ReadSingle());
            var temperature = reader.ReadDouble();
            var labels = new string[Count(reader.ReadInt32(), 2, data.Length)];
            for (var i = 0; i < labels.Length; i++)
            {
                labels[i] = reader.ReadString();
            }

            var features = Count(reader.ReadInt32(), 0, data.Length / 8);
            var wordFeatures = Count(reader.ReadInt32(), 0, features);
            var hashes = ReadArray<ulong>(reader, features);
            var idf = ReadArray<float>(reader, features);
            var weights = ReadArray<float>(reader, checked(features * labels.Length));
            var bias = ReadArray<float>(reader, labels.Length);
            if (reader.BaseStream.Position != data.Length)
            {
                throw new InvalidDataException("The cause model has trailing bytes.");
            }

            return new CauseModel(new TextFeaturiser(settings, hashes, idf, wordFeatures), labels, weights, bias, temperature);
        }
        catch (Exception e) when (e is EndOfStreamException or OverflowException or ArgumentException)
        {
            throw new InvalidDataException("The cause model is truncated or corrupt.", e);
        }
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
