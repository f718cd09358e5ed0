using System.Collections.Concurrent;
using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Comptoir.Platform.Data;

/// <summary>
/// Where an entity's rows live and how its properties map to columns, read once per model and entity from the
/// EF Core model: the table, its columns (non-shadow properties), and the value conversions both ways. Lets the
/// hot path write rows (<see cref="BulkInsert"/>) and read them (<see cref="ReadBatch"/>) exactly as EF would,
/// without a generated statement or a materializer per query.
/// </summary>
public sealed class EntityLayout
{
    private static readonly ConcurrentDictionary<(IModel Model, Type Entity), EntityLayout> Layouts = new();

    private static readonly MethodInfo ReadTyped = typeof(EntityLayout).GetMethod(nameof(Read), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly IProperty[] _properties;
    private readonly Action<object, object?>[] _setters;
    private readonly Func<DbDataReader, int, object>[] _readers;

    private EntityLayout(IEntityType entity, ISqlGenerationHelper sql)
    {
        var table = entity.GetTableName() ?? throw new InvalidOperationException($"{entity.DisplayName()} is not mapped to a table.");
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        _properties = [.. entity.GetProperties().Where(p => p.GetColumnName(store) is not null && !p.IsShadowProperty())];
        Table = sql.DelimitIdentifier(table);
        Columns = [.. _properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(store)!))];
        Getters = [.. _properties.Select(p => p.GetGetter())];
        Converters = [.. _properties.Select(p => p.GetTypeMapping().Converter)];
        _setters = [.. _properties.Select(SetterOf)];
        _readers = [.. _properties.Select(ReaderOf)];
        ClrType = entity.ClrType;
    }

    /// <summary>The table's name, quoted for the provider.</summary>
    public string Table { get; }

    /// <summary>The columns, quoted, in the order of <see cref="Getters"/> and of <see cref="Materialize"/>.</summary>
    public IReadOnlyList<string> Columns { get; }

    internal IClrPropertyGetter[] Getters { get; }

    internal ValueConverter?[] Converters { get; }

    private Type ClrType { get; }

    /// <summary>The layout of <typeparamref name="T"/> in <paramref name="db"/>'s model.</summary>
    public static EntityLayout Of<T>(ComptoirDbContext db) => Of(db, typeof(T));

    public static EntityLayout Of(ComptoirDbContext db, Type entity) =>
        Layouts.GetOrAdd((db.Model, entity), static (key, db) => new EntityLayout(
            key.Model.FindEntityType(key.Entity) ?? throw new InvalidOperationException($"{key.Entity.Name} is not part of the model."),
            db.GetService<ISqlGenerationHelper>()), db);

    /// <summary>The columns prefixed with <paramref name="alias"/>, for a SELECT list.</summary>
    public string Select(string alias) => string.Join(", ", Columns.Select(c => alias + "." + c));

    /// <summary>
    /// An entity from the current row, whose columns <see cref="Select"/> put from ordinal <paramref name="first"/>
    /// on; each value is read as the provider stores it and converted as EF would.
    /// </summary>
    public T Materialize<T>(DbDataReader reader, int first)
        where T : class
    {
        var entity = (T)Activator.CreateInstance(ClrType, nonPublic: true)!;
        for (var c = 0; c < _properties.Length; c++)
        {
            _setters[c](entity, Value(reader, first + c, c));
        }

        return entity;
    }

    /// <summary>The value of property <paramref name="property"/> of this entity, read at <paramref name="ordinal"/>.</summary>
    public object? Value(DbDataReader reader, int ordinal, string property) =>
        Value(reader, ordinal, Array.FindIndex(_properties, p => p.Name == property) is var index and >= 0
            ? index
            : throw new ArgumentException($"{ClrType.Name} has no mapped property {property}.", nameof(property)));

    private object? Value(DbDataReader reader, int ordinal, int index)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        var stored = _readers[index](reader, ordinal);
        return Converters[index] is { } converter ? converter.ConvertFromProvider(stored) : stored;
    }

    /// <summary>Sets the property (through its setter, private or not, or else its field), compiled once.</summary>
    private static Action<object, object?> SetterOf(IProperty property)
    {
        var entity = Expression.Parameter(typeof(object));
        var value = Expression.Parameter(typeof(object));
        var instance = Expression.Convert(entity, property.DeclaringType.ClrType);
        var member = property.PropertyInfo is { CanWrite: true } writable
            ? Expression.Property(instance, writable)
            : Expression.Field(instance, property.FieldInfo ?? throw new InvalidOperationException($"{property.Name} cannot be set."));
        return Expression.Lambda<Action<object, object?>>(Expression.Assign(member, Expression.Convert(value, property.ClrType)), entity, value).Compile();
    }

    /// <summary>Reads a column as the provider's own type for the property (a number for a converted instant on SQLite, say).</summary>
    private static Func<DbDataReader, int, object> ReaderOf(IProperty property)
    {
        var mapping = property.GetTypeMapping();
        var stored = mapping.Converter?.ProviderClrType ?? mapping.ClrType;
        stored = Nullable.GetUnderlyingType(stored) ?? stored;
        return ReadTyped.MakeGenericMethod(stored).CreateDelegate<Func<DbDataReader, int, object>>();
    }

    private static object Read<TStored>(DbDataReader reader, int ordinal)
        where TStored : notnull => reader.GetFieldValue<TStored>(ordinal);
}
