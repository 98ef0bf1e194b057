package dev.labelmeter.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.Random;

/** Random JSON values of every kind, for property tests of the store's JSON handling. */
final class RandomJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String[] NAMES = {"id", "date", "meta", "a", "b", "userId", "é", "日本", ""};

  private RandomJson() {}

  /** Returns a random value nested at most {@code depth} levels. */
  static JsonNode value(Random random, int depth) {
    int kind = random.nextInt(depth > 0 ? 10 : 8);
    return switch (kind) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.booleanNode(random.nextBoolean());
      case 2 -> NODES.numberNode(random.nextInt(2001) - 1000);
      case 3 -> NODES.numberNode(random.nextLong());
      case 4 -> NODES.numberNode(new BigInteger(80, random).negate());
      case 5 -> NODES.numberNode(random.nextBoolean() ? random.nextDouble() * 1e6 : 1e-7 * kind);
      case 6, 7 -> NODES.textNode(text(random));
      case 8 -> array(random, depth - 1);
      default -> object(random, depth - 1);
    };
  }

  private static ArrayNode array(Random random, int depth) {
    ArrayNode array = NODES.arrayNode();
    for (int i = random.nextInt(4); i > 0; i--) {
      array.add(value(random, depth));
    }
    return array;
  }

  private static ObjectNode object(Random random, int depth) {
    ObjectNode object = NODES.objectNode();
    for (int i = random.nextInt(5); i > 0; i--) {
      object.set(NAMES[random.nextInt(NAMES.length)] + random.nextInt(3), value(random, depth));
    }
    return object;
  }

  private static String text(Random random) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(8); i > 0; i--) {
      int pick = random.nextInt(6);
      text.append(
          switch (pick) {
            case 0 -> '"';
            case 1 -> '\\';
            case 2 -> '\n';
            case 3 -> (char) (0x20 + random.nextInt(0x5f));
            case 4 -> 'é';
            default -> (char) (0x4e00 + random.nextInt(100));
          });
    }
    if (random.nextInt(10) == 0) {
      text.append("😀");
    }
    return text.toString();
  }
}
