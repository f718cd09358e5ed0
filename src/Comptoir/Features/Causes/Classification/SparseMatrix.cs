namespace Comptoir.Features.Causes.Classification;

/// <summary>Rows of sparse feature vectors in compressed sparse row form (column indices sorted per row).</summary>
internal sealed class SparseMatrix(int[] rowStarts, int[] indices, float[] values, int columns)
{
    public int Rows => rowStarts.Length - 1;

    public int Columns => columns;

    public ReadOnlySpan<int> Indices(int row) => indices.AsSpan(rowStarts[row], rowStarts[row + 1] - rowStarts[row]);

    public ReadOnlySpan<float> Values(int row) => values.AsSpan(rowStarts[row], rowStarts[row + 1] - rowStarts[row]);

    public int NonZeros => values.Length;

    /// <summary>The same rows with each value multiplied by the scale of its column, written into <paramref name="buffer"/>.</summary>
    public SparseMatrix Scaled(ReadOnlySpan<float> columnScale, float[] buffer)
    {
        for (var k = 0; k < values.Length; k++)
        {
            buffer[k] = values[k] * columnScale[indices[k]];
        }

        return new SparseMatrix(rowStarts, indices, buffer, columns);
    }

    public static SparseMatrix FromRows(IReadOnlyList<(int[] Indices, float[] Values)> rows, int columns)
    {
        var starts = new int[rows.Count + 1];
        for (var r = 0; r < rows.Count; r++)
        {
            starts[r + 1] = starts[r] + rows[r].Indices.Length;
        }

        var indices = new int[starts[^1]];
        var values = new float[starts[^1]];
        for (var r = 0; r < rows.Count; r++)
        {
            rows[r].Indices.CopyTo(indices, starts[r]);
            rows[r].Values.CopyTo(values, starts[r]);
        }

        return new SparseMatrix(starts, indices, values, columns);
    }
}
