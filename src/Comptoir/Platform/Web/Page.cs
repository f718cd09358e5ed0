namespace Comptoir.Platform.Web;

/// <summary>One page of a longer list, with what a pager needs.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int Number, int Size)
{
    public int Count => (Total + Size - 1) / Size;

    public bool HasPrevious => Number > 1;

    public bool HasNext => Number < Count;
}

public static class Paging
{
    public const int DefaultSize = 25;
    public const int MaxSize = 200;

    /// <summary>Clamps what a caller asked for to a page number from 1 and a size from 1 to <see cref="MaxSize"/>.</summary>
    public static (int Number, int Size) Clamp(int? number, int? size) =>
        (Math.Max(1, number ?? 1), Math.Clamp(size ?? DefaultSize, 1, MaxSize));
}
