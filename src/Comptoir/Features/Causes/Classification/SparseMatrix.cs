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

    /// <summary>The transpose (columns become rows), column indices again sorted per row.</summary>
    public SparseMatrix Transposed()
    {
        var starts = new int[columns + 1];
        foreach (var f in indices)
        {
            starts[f + 1]++;
        }

        for (var f = 0; f < columns; f++)
        {
            starts[f + 1] += starts[f];
        }

        var next = starts[..^1].ToArray();
        var transposedIndices = new int[indices.Length];
        var transposedValues = new float[values.Length];
        for (var r = 0; r < Rows; r++)
        {
            for (var k = rowStarts[r]; k < rowStarts[r + 1]; k++)
            {
                var at = next[indices[k]]++;
                transposedIndices[at] = r;
                transposedValues[at] = values[k];
            }
        }

        return new SparseMatrix(starts, transposedIndices, transposedValues, Rows);
    }

    /// <summary>The rows of <paramref name="top"/> followed by those of <paramref name="bottom"/> (same columns).</summary>
    public static SparseMatrix Stack(SparseMatrix top, SparseMatrix bottom)
    {
        ArgumentNullException.ThrowIfNull(top);
        ArgumentNullException.ThrowIfNull(bottom);
        var rows = new (int[] Indices, float[] Values)[top.Rows + bottom.Rows];
        for (var r = 0; r < rows.Length; r++)
        {
            var (matrix, row) = r < top.Rows ? (top, r) : (bottom, r - top.Rows);
            rows[r] = (matrix.Indices(row).ToArray(), matrix.Values(row).ToArray());
        }

        return FromRows(rows, Math.Max(top.Columns, bottom.Columns));
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
