using Microsoft.EntityFrameworkCore.Metadata;

namespace Comptoir.Platform.Data;

/// <summary>
/// What a text column can hold, read from the model (its <c>HasMaxLength</c>) so that there is one source of
/// truth. PostgreSQL refuses a value longer than its column, and a NUL character in any text; SQLite takes
/// both, so a value must be checked before it is written, not left to the database.
/// </summary>
public static class ColumnLimits
{
    /// <summary>The longest value <typeparamref name="TEntity"/>'s <paramref name="property"/> takes, or null when unbounded.</summary>
    public static int? MaxLength<TEntity>(IModel model, string property) =>
        model.FindEntityType(typeof(TEntity))?.FindProperty(property)?.GetMaxLength();

    /// <summary>Why <paramref name="value"/> cannot be stored in that column (the field named <paramref name="field"/>), or null when it can.</summary>
    public static string? Problem<TEntity>(IModel model, string property, string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Contains('\0', StringComparison.Ordinal))
        {
            return $"\"{field}\" contains a NUL character, which cannot be stored.";
        }

        return MaxLength<TEntity>(model, property) is { } max && value.Length > max
            ? $"\"{field}\" is {value.Length} characters long; at most {max} can be stored."
            : null;
    }

    /// <summary><paramref name="value"/> made storable: NUL characters removed and cut to the column's length.</summary>
    public static string? Fit<TEntity>(IModel model, string property, string? value)
    {
        if (value is null)
        {
            return null;
        }

        value = value.Replace("\0", "", StringComparison.Ordinal);
        return MaxLength<TEntity>(model, property) is { } max && value.Length > max ? value[..max] : value;
    }
}
