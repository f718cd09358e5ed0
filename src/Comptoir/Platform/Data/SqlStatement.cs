using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Comptoir.Platform.Data;

/// <summary>
/// A statement written once for both databases, run in a batch with others (<see cref="BulkInsert.InsertAsync"/>):
/// <c>{0}</c>, <c>{1}</c>... in <see cref="Text"/> stand for <see cref="Parameters"/>, as in EF Core's raw SQL.
/// </summary>
public sealed partial record SqlStatement(string Text, IReadOnlyList<object?> Parameters)
{
    /// <summary>The text with each placeholder written as the provider names parameter <c>i</c>.</summary>
    public string Format(Func<int, string> parameterName) =>
        Placeholder().Replace(Text, match => parameterName(int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture)));

    /// <summary>The statement as a command of a PostgreSQL batch, with positional parameters (<c>$1</c>, <c>$2</c>...).</summary>
    public NpgsqlBatchCommand ToBatchCommand()
    {
        var command = new NpgsqlBatchCommand(Format(i => "$" + (i + 1).ToString(CultureInfo.InvariantCulture)));
        foreach (var parameter in Parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter ?? DBNull.Value });
        }

        return command;
    }

    /// <summary>The statement as a command on <paramref name="connection"/>, with parameters named <c>@p0</c>, <c>@p1</c>...</summary>
    public DbCommand ToCommand(DbConnection connection, DbTransaction? transaction, string prefix = "")
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = prefix + Format(i => "@p" + i.ToString(CultureInfo.InvariantCulture));
        for (var i = 0; i < Parameters.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            parameter.Value = Parameters[i] ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
