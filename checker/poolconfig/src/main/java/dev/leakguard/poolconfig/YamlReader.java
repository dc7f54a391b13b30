package dev.leakguard.poolconfig;

import dev.leakguard.core.pool.*;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads YAML into flattened dotted keys with the line of each key, through SnakeYAML's node
 * graph (which keeps marks). Every {@code ---} document is one {@link ConfigDocument}.
 */
final class YamlReader {
  private YamlReader() {}

  static List<ConfigDocument> read(String text) throws MalformedConfigException {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true);
    options.setMaxAliasesForCollections(50);
    Yaml yaml = new Yaml(options);
    List<ConfigDocument> docs = new ArrayList<>();
    try {
      for (Node root : yaml.composeAll(new StringReader(text))) {
        List<Setting> settings = new ArrayList<>();
        if (root != null) {
          flatten("", root, settings);
        }
        String profile = null;
        for (Setting s : settings) {
          if (s.key().equals("spring.config.activate.on-profile") || s.key().equals("spring.profiles")) {
            profile = s.value();
          }
        }
        docs.add(new ConfigDocument(profile, List.copyOf(settings)));
      }
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      int line = mark == null ? 1 : mark.getLine() + 1;
      String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
      throw new MalformedConfigException(line, "not valid YAML: " + firstLine(problem));
    } catch (YAMLException e) {
      throw new MalformedConfigException(1, "not valid YAML: " + firstLine(e.getMessage()));
    }
    return docs;
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("").strip();
  }

  private static void flatten(String prefix, Node node, List<Setting> out) {
    if (node instanceof MappingNode map) {
      for (NodeTuple t : map.getValue()) {
        if (!(t.getKeyNode() instanceof ScalarNode key)) {
          continue;
        }
        String name = prefix.isEmpty() ? key.getValue() : prefix + "." + key.getValue();
        Node value = t.getValueNode();
        if (value instanceof ScalarNode scalar) {
          out.add(new Setting(name, scalar.getValue().strip(), key.getStartMark().getLine() + 1));
        } else {
          flatten(name, value, out);
        }
      }
    } else if (node instanceof SequenceNode seq) {
      List<Node> items = seq.getValue();
      for (int i = 0; i < items.size(); i++) {
        Node item = items.get(i);
        String name = prefix + "[" + i + "]";
        if (item instanceof ScalarNode scalar) {
          out.add(new Setting(name, scalar.getValue().strip(), item.getStartMark().getLine() + 1));
        } else {
          flatten(name, item, out);
        }
      }
    }
  }
}
