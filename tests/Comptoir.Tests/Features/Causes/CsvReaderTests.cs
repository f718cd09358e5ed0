using System.Text;
using Comptoir.Features.Causes.Evaluation;

namespace Comptoir.Tests.Features.Causes;

public sealed class CsvReaderTests
{
    [Fact]
    public void Reads_quoted_fields_with_commas_doubled_quotes_and_line_breaks()
    {
        var records = Read("text,label\r\n\"Bonjour, \"\"madame\"\"\",greeting\n\"line one\r\nline two\nline three\",multi\nplain,last\n\n");

        Assert.Equal(4, records.Count);
        Assert.Equal(["Bonjour, \"madame\"", "greeting"], records[1].Fields);
        Assert.Equal(["line one\r\nline two\nline three", "multi"], records[2].Fields);
        Assert.Equal(["plain", "last"], records[3].Fields);
        Assert.Equal([1, 2, 3, 6], records.Select(r => r.Line));
    }

    [Fact]
    public void Keeps_empty_fields_and_a_last_record_without_line_break()
    {
        var records = Read("a,b,c\n,,\nx,\"\",z");

        Assert.Equal(["", "", ""], records[1].Fields);
        Assert.Equal(["x", "", "z"], records[2].Fields);
    }

    [Fact]
    public void Skips_a_byte_order_mark()
    {
        var path = Path.Combine(Path.GetTempPath(), $"comptoir-csv-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "text,label\nOù est mon colis ?,delivery\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        try
        {
            var rows = LabelledTextFile.Read(path);

            Assert.Equal("Où est mon colis ?", Assert.Single(rows).Example.Text);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("text,label\nok,fine\nbad \"quote\",x\n", 3, "quote inside")]
    [InlineData("text,label\nok,fine\n\"closed\" late,x\n", 3, "after a closing quote")]
    [InlineData("text,label\nok,fine\n\nok,fine\n\"never\nclosed,x\n", 5, "never closed")]
    public void Reports_the_file_and_line_of_a_bad_record(string content, int line, string problem)
    {
        var error = Assert.Throws<CsvFormatException>(() => Read(content));

        Assert.Equal(line, error.Line);
        Assert.Equal("test.csv", error.File);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"test.csv, line {line}:", error.Message, StringComparison.Ordinal);
    }

    private static List<CsvRecord> Read(string content) => [.. new CsvReader(new StringReader(content), "test.csv").Records()];
}
